// One line of the report per task: what it was and what came of it, with the saved scenario's
// path in place of the scenario. The claims table and the matrix are derived from these alone,
// which is what lets merge rebuild them from shards.

import type { Reading, Task } from './plan.ts';
import type { LawCoverage } from '../harness/check.ts';
import type { TaskResult, Violation } from './task.ts';

export interface TaskRecord {
  readonly id: string;
  readonly property: string;
  readonly release: string;
  readonly reading: Reading | null;
  readonly seed: number;
  readonly status: 'done' | 'error' | 'not run';
  readonly runs: number;
  readonly steps: number;
  /** Runs that reached the claim's trigger. */
  readonly reached: number;
  /** The laws that judged every history of the task: histories judged and how many reached each law's trigger. */
  readonly laws: Readonly<Record<string, LawCoverage>>;
  readonly violation: (Violation & { readonly scenario: string }) | null;
  readonly error: string | null;
}

/** The record of a task's result, with the saved scenario's path in place of the scenario. */
export function record(task: Task, result: TaskResult, scenario: string | null): TaskRecord {
  const o = result.outcome;
  const done = o.status === 'done' ? o : undefined;
  return normalise({
    ...task,
    status: o.status,
    runs: done?.runs ?? 0,
    steps: done?.steps ?? 0,
    reached: done?.reached ?? 0,
    laws: done?.laws ?? {},
    violation: done?.violation ? { ...done.violation, scenario: scenario ?? '' } : null,
    error: o.status === 'error' ? o.message : null,
  });
}

/** The record with its keys in one fixed order, so that equal records serialise equally (also for records read back from a report). */
export function normalise(r: TaskRecord): TaskRecord {
  const v = r.violation;
  return {
    id: r.id,
    property: r.property,
    release: r.release,
    reading: r.reading ? { interpretation: r.reading.interpretation, alternative: r.reading.alternative } : null,
    seed: r.seed,
    status: r.status,
    runs: r.runs,
    steps: r.steps,
    reached: r.reached,
    laws: Object.fromEntries(Object.keys(r.laws ?? {}).sort().map((id) => [id, { runs: r.laws[id]!.runs, reached: r.laws[id]!.reached }])),
    violation: v ? { claim: v.claim, step: v.step, explanation: v.explanation, seed: v.seed, path: v.path, shrunkSteps: v.shrunkSteps, steps: v.steps, scenario: v.scenario } : null,
    error: r.error ?? null,
  };
}
