// Merging the reports of the shards of one campaign into the report the unsharded campaign
// would have written: the task list is rebuilt from the campaign's spec, every task must come
// from exactly one shard, and the tables are derived again from the records.

import { planCampaign, type CampaignSpec } from './plan.ts';
import { normalise, type TaskRecord } from './records.ts';
import { REPORT_FORMAT, buildReport, type Report, type ShardTimings } from './report.ts';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

function specKey(r: Report): string {
  const { shard: _, ...spec } = r.campaign;
  return JSON.stringify(spec);
}

function checkShards(reports: readonly Report[]): void {
  const shards = reports.map((r) => r.campaign.shard);
  if (shards.includes(null)) {
    if (reports.length > 1) throw new MergeError('an unsharded report cannot be merged with others');
    return;
  }
  const parsed = shards.map((s) => s!.split('/').map(Number) as [number, number]);
  const count = parsed[0]![1];
  if (parsed.some(([, n]) => n !== count)) throw new MergeError(`the shards come from different splits: ${shards.join(', ')}`);
  const seen = parsed.map(([i]) => i);
  const twice = seen.filter((i, k) => seen.indexOf(i) !== k);
  if (twice.length) throw new MergeError(`shard ${twice[0]}/${count} is given twice`);
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.includes(i));
  if (missing.length) throw new MergeError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
}

export function mergeReports(reports: readonly Report[]): Report {
  if (!reports.length) throw new MergeError('no reports to merge');
  for (const r of reports) if (r.format !== REPORT_FORMAT) throw new MergeError(`not a campaign report in format ${REPORT_FORMAT}: ${String(r.format)}`);
  const key = specKey(reports[0]!);
  for (const r of reports) if (specKey(r) !== key) throw new MergeError(`the reports come from different campaigns: ${specKey(r)} vs ${key}`);
  checkShards(reports);
  const { shard: _, ...spec } = reports[0]!.campaign;
  const byId = new Map<string, TaskRecord>();
  for (const r of reports) {
    for (const t of r.tasks) {
      if (byId.has(t.id)) throw new MergeError(`task "${t.id}" is in more than one report`);
      byId.set(t.id, t);
    }
  }
  const plan = planCampaign(spec as CampaignSpec);
  const records = plan.map((task) => {
    const t = byId.get(task.id);
    if (!t) throw new MergeError(`no report has task "${task.id}"`);
    if (t.seed !== task.seed) throw new MergeError(`task "${task.id}" ran with seed ${t.seed}, but this campaign gives it ${task.seed}: different code?`);
    byId.delete(task.id);
    return normalise(t);
  });
  if (byId.size) throw new MergeError(`tasks not in this campaign: ${[...byId.keys()].slice(0, 3).join('; ')}`);
  const elapsedMs = Math.max(...reports.map((r) => r.timings.elapsedMs));
  const steps = records.reduce((n, r) => n + r.steps, 0);
  const index = (r: Report) => Number(r.campaign.shard?.split('/')[0]);
  const shards: ShardTimings[] = [...reports]
    .filter((r) => r.campaign.shard !== null)
    .sort((a, b) => index(a) - index(b))
    .map((r) => ({ shard: r.campaign.shard!, tasks: r.tasks.length, elapsedMs: r.timings.elapsedMs, workers: r.timings.workers, stepsPerSecond: r.timings.stepsPerSecond }));
  return buildReport(spec as CampaignSpec, null, records, {
    elapsedMs,
    workers: reports.reduce((n, r) => n + r.timings.workers, 0),
    stepsPerSecond: elapsedMs > 0 ? Math.round((steps / elapsedMs) * 1000) : 0,
    tasks: Object.assign({}, ...reports.map((r) => r.timings.tasks)) as Record<string, number>,
    ...(shards.length ? { shards } : {}),
  });
}
