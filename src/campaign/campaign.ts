// A campaign: plan the tasks, take this shard's, run them on the pool, save each
// counterexample as it comes, and build the report.

import { planCampaign, shardOf, type CampaignSpec, type Shard } from './plan.ts';
import { runTasks } from './pool.ts';
import { Progress, type ProgressStream } from './progress.ts';
import { record, type TaskRecord } from './records.ts';
import { buildReport, type Report } from './report.ts';
import { BreakSaver } from './breaks.ts';

export interface CampaignOptions extends CampaignSpec {
  readonly shard: Shard | null;
  /** Worker processes; 0 runs in this thread. */
  readonly workers: number;
  /** Seconds after which no new task starts; null: no budget. */
  readonly budget: number | null;
  /** Where counterexamples are saved. */
  readonly scenarios: string;
  /** Where the progress line goes; null: nowhere. */
  readonly progress: ProgressStream | null;
}

export function shardName(shard: Shard | null): string | null {
  return shard ? `${shard.index}/${shard.count}` : null;
}

export function specOf(o: CampaignSpec): CampaignSpec {
  return { seed: o.seed, runs: o.runs, articles: o.articles, claims: o.claims, versions: o.versions, matrix: o.matrix, matrixScope: o.matrixScope, variant: o.variant };
}

export async function runCampaign(o: CampaignOptions): Promise<Report> {
  const spec = specOf(o);
  const tasks = shardOf(planCampaign(spec), o.shard);
  const started = performance.now();
  const progress = o.progress ? new Progress(tasks.length, o.progress) : undefined;
  const saver = new BreakSaver(o.scenarios);
  const records: (TaskRecord | undefined)[] = tasks.map(() => undefined);
  const results = await runTasks(tasks, {
    workers: o.workers,
    ...(o.budget !== null ? { deadline: started + o.budget * 1000 } : {}),
    onResult: (index, result) => {
      const task = tasks[index]!;
      records[index] = record(task, result, result.scenario ? saver.save(task, result.scenario) : null);
      progress?.add(records[index].runs, records[index].steps);
    },
  });
  progress?.finish();
  const all = tasks.map((task, k) => records[k] ?? record(task, results[k]!, null));
  const elapsedMs = performance.now() - started;
  const steps = all.reduce((n, r) => n + r.steps, 0);
  return buildReport(spec, shardName(o.shard), all, {
    elapsedMs: Math.round(elapsedMs),
    workers: o.workers,
    stepsPerSecond: elapsedMs > 0 ? Math.round((steps / elapsedMs) * 1000) : 0,
    tasks: Object.fromEntries(tasks.map((t, k) => [t.id, Math.round(results[k]!.ms)])),
  });
}
