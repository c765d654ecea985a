// A property marked pending (scaffolded for an article being added) is listed, not run.

import { describe, expect, it, vi } from 'vitest';
import { planCampaign } from '../../src/campaign/plan.ts';
import { buildReport } from '../../src/campaign/report.ts';
import { render } from '../../src/campaign/render.ts';
import type { Property } from '../../src/harness/property.ts';
import { releasesOf } from '../../src/harness/claims.ts';
import { PROPERTIES } from '../../properties/index.ts';
import { options } from './helpers.ts';

vi.mock('../../properties/index.ts', async (load) => {
  const real = await load<typeof import('../../properties/index.ts')>();
  const scaffold: Property = { ...real.PROPERTIES[0]!, name: 'Q146791-S1 scaffold', pending: true };
  return { ...real, PROPERTIES: [...real.PROPERTIES, scaffold] };
});

describe('pending properties', () => {
  it('are left out of the task list and listed in the report', () => {
    const spec = options({ articles: ['Q146791'] });
    const tasks = planCampaign(spec);
    expect(tasks.map((t) => t.property)).not.toContain('Q146791-S1 scaffold');
    // One task per (non-pending) property of the article and release it is checked on.
    const own = PROPERTIES.filter((p) => !p.pending && p.claims.some((c) => c.startsWith('Q146791-')));
    expect(tasks).toHaveLength(own.flatMap((p) => releasesOf(p.claims)).length);
    const report = buildReport(spec, null, [], { elapsedMs: 0, workers: 0, stepsPerSecond: 0, tasks: {} });
    expect(report.pending).toEqual([{ property: 'Q146791-S1 scaffold', claims: ['Q146791-S1'] }]);
    expect(render(report, null)).toContain('Pending, not run: Q146791-S1 scaffold (Q146791-S1)');
  });
});
