// An exploration: every selected claim on each of its releases, one search each, one after
// the other; counterexamples saved as they are found. The report says, per claim and
// release, the depth verified, the alphabet, and what was found.

import { Evaluator, type SearchSpec } from './evaluate.ts';
import { saveCounterexample } from './counterexample.ts';
import type { ExploreProgress } from './progress.ts';
import { inlinePool, processPool, type NodePool } from './pool.ts';
import { search, type LevelStats, type SearchResult } from './search.ts';
import { releasesFor, selectedClaims, taskSpec, type Selection, type TaskSpecOptions } from './tasks.ts';

export interface ExploreOptions extends Selection, TaskSpecOptions {
  /** Seconds per claim (shared out among its releases); null: none. */
  readonly budget: number | null;
  readonly workers: number;
  readonly scenarios: string;
  readonly progress: ExploreProgress | null;
}

export interface TaskReport {
  readonly claim: string;
  readonly release: string;
  readonly properties: readonly string[];
  readonly variant: string | null;
  readonly alphabet: readonly string[];
  /** Merged equal states (every judge has a monitor), or judged every history. */
  readonly pruned: boolean;
  /** Judges without a monitor, when not pruned for want of one. */
  readonly unmonitored: readonly string[];
  readonly depth: number;
  readonly verifiedDepth: number;
  readonly stopped: SearchResult['stopped'];
  readonly histories: number;
  readonly distinct: number;
  readonly levels: readonly Omit<LevelStats, 'ms'>[];
  readonly counterexample?: {
    readonly depth: number;
    readonly steps: readonly string[];
    readonly by: string;
    readonly claim: string;
    readonly step: number;
    readonly explanation: string;
    readonly scenario: string;
    /** Steps in the saved file: the same as `depth`, or pruning missed a shorter counterexample. */
    readonly savedSteps: number;
  };
  readonly error?: { readonly steps: readonly string[]; readonly message: string };
}

export interface ExploreReport {
  readonly format: 'ims-harness/explore@1';
  readonly options: Omit<ExploreOptions, 'progress' | 'workers' | 'scenarios'>;
  readonly tasks: readonly TaskReport[];
  /** Kept apart: they vary from run to run. */
  readonly timings: { readonly ms: number; readonly workers: number; readonly tasks: readonly { readonly ms: number; readonly levels: readonly number[] }[] };
}

/** The depth every task verified (the least of them); -1 when a task found something or none ran. */
export function verifiedDepth(report: Pick<ExploreReport, 'tasks'>): number {
  if (!report.tasks.length || report.tasks.some((t) => t.counterexample || t.error)) return -1;
  return Math.min(...report.tasks.map((t) => t.verifiedDepth));
}

export async function exploreClaims(o: ExploreOptions): Promise<ExploreReport> {
  const started = performance.now();
  const tasks: TaskReport[] = [];
  const timings: { ms: number; levels: number[] }[] = [];
  const pool = o.workers > 0 ? processPool(o.workers) : inlinePool();
  try {
    for (const claim of selectedClaims(o)) {
      const releases = releasesFor(claim, o.versions);
      for (const release of releases) {
        const spec = taskSpec(claim, release, o);
        const budgetMs = o.budget === null ? undefined : (o.budget * 1000) / releases.length;
        const { task, result } = await exploreTask(spec, { pool, scenarios: o.scenarios, progress: o.progress, ...(budgetMs !== undefined ? { budgetMs } : {}) });
        tasks.push(task);
        timings.push({ ms: Math.round(result.ms), levels: result.levels.map((l) => Math.round(l.ms)) });
      }
    }
  } finally {
    await pool.close();
  }
  const { progress: _p, workers, scenarios: _s, ...options } = o;
  return { format: 'ims-harness/explore@1', options, tasks, timings: { ms: Math.round(performance.now() - started), workers, tasks: timings } };
}

export async function exploreTask(
  spec: SearchSpec,
  o: { readonly pool: NodePool; readonly scenarios: string; readonly progress: ExploreProgress | null; readonly budgetMs?: number },
): Promise<{ task: TaskReport; result: SearchResult }> {
  const ev = new Evaluator(spec);
  o.progress?.begin(`${spec.claim} on ${spec.release}`);
  const result = await search(spec, {
    workers: 0,
    pool: o.pool,
    ...(o.budgetMs !== undefined ? { deadline: performance.now() + o.budgetMs } : {}),
    ...(o.progress ? { onProgress: (p: { depth: number; histories: number; distinct: number }) => o.progress!.update(p) } : {}),
  }, ev.prunes);
  o.progress?.end();
  const names = (letters: readonly number[]) => letters.map((i) => spec.letters[i]!);
  const c = result.counterexample;
  const saved = c ? saveCounterexample(o.scenarios, ev, c) : undefined;
  const task: TaskReport = {
    claim: spec.claim,
    release: spec.release,
    properties: spec.properties,
    variant: spec.variant,
    alphabet: spec.letters,
    pruned: ev.prunes,
    unmonitored: ev.unmonitored,
    depth: spec.depth,
    verifiedDepth: result.verifiedDepth,
    stopped: result.stopped,
    histories: result.histories,
    distinct: result.distinct,
    levels: result.levels.map(({ ms: _, ...l }) => l),
    ...(c && saved
      ? { counterexample: { depth: c.letters.length, steps: names(c.letters), by: c.judged.by, claim: c.judged.claim, step: c.judged.step, explanation: c.judged.explanation, scenario: saved.path, savedSteps: saved.steps } }
      : {}),
    ...(result.error ? { error: { steps: names(result.error.letters), message: result.error.message } } : {}),
  };
  return { task, result };
}
