// The campaign's JSON report, for tools. Everything but `timings` is a function of the spec and
// the task records, so a report from worker processes, from one thread, or merged from shards is
// the same, byte for byte, once `timings` is dropped.

import { ASSUMPTIONS, type Assumption } from '../model/assumptions.ts';
import { INTERPRETATIONS, INTERPRETATION_IDS } from '../model/interpretations.ts';
import { matrixRows, type MatrixRow } from './matrix.ts';
import { INVARIANT_ARTICLE, pendingProperties, type CampaignSpec } from './plan.ts';
import type { TaskRecord } from './records.ts';
import { claimRows, type ClaimRow, type VerdictName } from './verdicts.ts';
import type { ExplorationInCampaign } from '../explore/campaign.ts';

export const REPORT_FORMAT = 'ims-harness/campaign@1';

export interface Timings {
  /** Wall time; for a merged report, the longest shard's. */
  readonly elapsedMs: number;
  /** Worker processes; for a merged report, the shards' added up (each shard's are in `shards`). */
  readonly workers: number;
  readonly stepsPerSecond: number;
  /** Milliseconds per task id. */
  readonly tasks: Readonly<Record<string, number>>;
  /** A merged report's shards, in order: what each ran, on how many workers, how long. */
  readonly shards?: readonly ShardTimings[];
}

export interface ShardTimings {
  /** "i/n" */
  readonly shard: string;
  readonly tasks: number;
  readonly elapsedMs: number;
  readonly workers: number;
  readonly stepsPerSecond: number;
}

export interface InterpretationEntry {
  readonly id: string;
  readonly question: string;
  readonly articles: readonly string[];
  readonly default: string;
  readonly reason: string;
  readonly alternatives: Readonly<Record<string, string>>;
}

export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly campaign: CampaignSpec & { readonly shard: string | null };
  readonly summary: {
    readonly tasks: number;
    readonly notRun: number;
    readonly errors: number;
    readonly runs: number;
    readonly steps: number;
    readonly verdicts: Readonly<Record<VerdictName, number>>;
    readonly matrixBreaks: number;
    /** Any claim or invariant violated under the default readings: the exit code is 1. */
    readonly violatedUnderDefaults: boolean;
  };
  readonly claims: readonly ClaimRow[];
  readonly invariants: readonly ClaimRow[];
  readonly matrix: readonly MatrixRow[];
  /** Properties marked pending (an article being added): not run. */
  readonly pending: readonly { readonly property: string; readonly claims: readonly string[] }[];
  readonly interpretations: readonly InterpretationEntry[];
  readonly assumptions: readonly Assumption[];
  readonly tasks: readonly TaskRecord[];
  readonly timings: Timings;
  /** With --explore-budget: the exploration of every claim (its depths depend on the machine's speed). */
  readonly exploration?: ExplorationInCampaign;
}

export const INTERPRETATION_ENTRIES: readonly InterpretationEntry[] = INTERPRETATION_IDS.map((id) => {
  const i = INTERPRETATIONS[id];
  return { id, question: i.question, articles: i.articles, default: i.default, reason: i.reason, alternatives: i.alternatives };
});

export function buildReport(spec: CampaignSpec, shard: string | null, tasks: readonly TaskRecord[], timings: Timings): Report {
  const rows = claimRows(tasks);
  const matrix = matrixRows(tasks);
  const verdicts: Record<VerdictName, number> = { holds: 0, violated: 0, 'not reached': 0, 'not run': 0, error: 0 };
  for (const r of rows) verdicts[r.verdict] += 1;
  return {
    format: REPORT_FORMAT,
    campaign: { ...spec, shard },
    summary: {
      tasks: tasks.length,
      notRun: tasks.filter((t) => t.status === 'not run').length,
      errors: tasks.filter((t) => t.status === 'error').length,
      runs: tasks.reduce((n, t) => n + t.runs, 0),
      steps: tasks.reduce((n, t) => n + t.steps, 0),
      verdicts,
      matrixBreaks: matrix.reduce((n, m) => n + m.breaks.length, 0),
      violatedUnderDefaults: verdicts.violated > 0,
    },
    claims: rows.filter((r) => r.article !== INVARIANT_ARTICLE),
    invariants: rows.filter((r) => r.article === INVARIANT_ARTICLE),
    matrix,
    pending: pendingProperties(spec).map((p) => ({ property: p.name, claims: p.claims })),
    interpretations: INTERPRETATION_ENTRIES,
    assumptions: ASSUMPTIONS,
    tasks,
    timings,
  };
}

/** 1 when a claim is violated under the default readings or a task crashed; 0 otherwise. */
export function exitCode(report: Report): 0 | 1 {
  const explored = report.exploration?.tasks.some((t) => t.counterexample || t.error) ?? false;
  return report.summary.violatedUnderDefaults || report.summary.errors > 0 || explored ? 1 : 0;
}

export function serialise(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report without its timings: what must be equal across workers, one thread and shards. */
export function withoutTimings(report: Report): Omit<Report, 'timings'> {
  const { timings: _, ...rest } = report;
  return rest;
}
