// Running a search for a test: in this thread, on a narrowed alphabet, counterexamples saved to
// a temporary directory.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checked } from '../../src/harness/claims.ts';
import { property } from '../../properties/index.ts';
import type { SearchSpec } from '../../src/explore/evaluate.ts';
import { exploreTask, type TaskReport } from '../../src/explore/explore.ts';
import { inlinePool } from '../../src/explore/pool.ts';
import type { SearchResult } from '../../src/explore/search.ts';

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'explore-test-'));

/** The spec for a property's first claim (as npm run explore -- --claim would explore it). */
export function specFor(propertyName: string, o: { release: string; letters: readonly string[]; depth: number; variant?: string | null; prune?: boolean; readings?: Record<string, string> }): SearchSpec {
  const claim = property(propertyName).claims[0]!;
  return {
    claim,
    properties: checked(claim).properties,
    release: o.release,
    readings: o.readings ?? {},
    variant: o.variant ?? null,
    letters: o.letters,
    depth: o.depth,
    prune: o.prune ?? true,
  };
}

export async function explore(spec: SearchSpec, scenarios = scratchDir(), budgetMs?: number): Promise<{ task: TaskReport; result: SearchResult }> {
  return exploreTask(spec, { pool: inlinePool(), scenarios, progress: null, ...(budgetMs !== undefined ? { budgetMs } : {}) });
}
