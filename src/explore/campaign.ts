// Exploration in the campaign (npm start -- --explore-budget SECONDS): after the random
// checks, every claim and invariant of the verdict table is explored on the releases it was
// checked on, within the budget (per claim, shared out among its releases), over the letters
// its properties' scenarios produce. Each row gets the depth to which every history was
// verified on all of them (`exploredDepth`), and the report the searches.

import type { ProgressStream } from '../campaign/progress.ts';
import type { Report } from '../campaign/report.ts';
import type { ClaimRow } from '../campaign/verdicts.ts';
import { MAX_DEPTH } from './args.ts';
import { exploreTask, type TaskReport } from './explore.ts';
import { inlinePool, processPool } from './pool.ts';
import { ExploreProgress } from './progress.ts';
import { taskSpec } from './tasks.ts';

export interface ExplorationInCampaign {
  /** Seconds per claim. */
  readonly budget: number;
  readonly tasks: readonly Pick<TaskReport, 'claim' | 'release' | 'alphabet' | 'pruned' | 'verifiedDepth' | 'stopped' | 'histories' | 'distinct' | 'counterexample' | 'error'>[];
  /** Wall time of the exploration (a timing: it decides the depths reached). */
  readonly ms: number;
}

export async function addExploration(
  report: Report,
  o: { readonly budget: number; readonly workers: number; readonly scenarios: string; readonly progress: ProgressStream | null; readonly depth?: number },
): Promise<Report> {
  const started = performance.now();
  const pool = o.workers > 0 ? processPool(o.workers) : inlinePool();
  const progress = o.progress ? new ExploreProgress(o.progress) : null;
  const tasks: TaskReport[] = [];
  const explore = async (row: ClaimRow): Promise<ClaimRow> => {
    const mine: TaskReport[] = [];
    for (const release of row.releases) {
      const spec = taskSpec(row.id, release, { depth: o.depth ?? MAX_DEPTH, prune: true, variant: report.campaign.variant, readings: {}, alphabet: { alphabet: 'scenario', only: [] } });
      const { task } = await exploreTask(spec, { pool, scenarios: o.scenarios, progress, budgetMs: (o.budget * 1000) / row.releases.length });
      mine.push(task);
    }
    tasks.push(...mine);
    return { ...row, exploredDepth: mine.length ? Math.min(...mine.map((t) => t.verifiedDepth)) : null };
  };
  try {
    const claims: ClaimRow[] = [];
    for (const row of report.claims) claims.push(await explore(row));
    const invariants: ClaimRow[] = [];
    for (const row of report.invariants) invariants.push(await explore(row));
    const exploration: ExplorationInCampaign = {
      budget: o.budget,
      tasks: tasks.map(({ claim, release, alphabet, pruned, verifiedDepth, stopped, histories, distinct, counterexample, error }) => ({
        claim, release, alphabet, pruned, verifiedDepth, stopped, histories, distinct, ...(counterexample ? { counterexample } : {}), ...(error ? { error } : {}),
      })),
      ms: Math.round(performance.now() - started),
    };
    return { ...report, claims, invariants, exploration };
  } finally {
    await pool.close();
  }
}
