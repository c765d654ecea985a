// Small campaigns for tests: one thread unless asked, no progress line, a temporary
// directory for counterexamples.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignOptions } from '../../src/campaign/campaign.ts';

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'ims-campaign-'));
}

export function options(overrides: Partial<CampaignOptions> = {}): CampaignOptions {
  return {
    seed: 7,
    runs: 10,
    articles: [],
    claims: [],
    versions: [],
    matrix: false,
    matrixScope: 'articles',
    variant: null,
    shard: null,
    workers: 0,
    budget: null,
    scenarios: scratch(),
    progress: null,
    ...overrides,
  };
}
