// Runs one task: a property checked with fast-check on one release under one reading, and on
// failure the reduced scenario written down (not yet saved: the main thread saves it). Pure
// apart from the date a failure was found, so a worker and the main thread give the same result.

import { checkProperty, type LawCoverage } from '../harness/check.ts';
import { withReadings } from '../model/interpretations.ts';
import { parseRelease } from '../model/release.ts';
import type { ScenarioFile } from '../scenario/format.ts';
import { failureScenario } from '../scenario/fromFailure.ts';
import { LAWS, property } from '../../properties/index.ts';
import { variant as variantNamed } from '../../properties/variants/index.ts';
import type { Task } from './plan.ts';

export interface Violation {
  readonly claim: string;
  readonly step: number;
  readonly explanation: string;
  /** fast-check's seed and replay path for the counterexample. */
  readonly seed: number;
  readonly path: string;
  readonly shrunkSteps: number;
  /** Steps after the 1-minimal reduction. */
  readonly steps: number;
}

export type TaskOutcome =
  | { readonly status: 'done'; readonly runs: number; readonly steps: number; readonly reached: number; readonly laws: Readonly<Record<string, LawCoverage>>; readonly violation: Violation | null }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'not run' };

export interface TaskResult {
  readonly outcome: TaskOutcome;
  /** The reduced counterexample, when the task found one; saved by the main thread. */
  readonly scenario?: ScenarioFile;
  /** Wall time of the task (a timing: kept apart from the results). */
  readonly ms: number;
}

export function runTask(task: Task): TaskResult {
  const started = performance.now();
  try {
    const p = property(task.property);
    const release = parseRelease(task.release);
    if (!release) throw new Error(`unknown release "${task.release}"`);
    const variant = task.variant ? variantNamed(task.variant) : undefined;
    const readings = withReadings({ ...variant?.readings, ...(task.reading ? { [task.reading.interpretation]: task.reading.alternative } : {}) });
    const model = variant?.parts ? { parts: variant.parts } : {};
    // Every history is judged by the laws too: a violation of one is reported under its own ID.
    const result = checkProperty(p, { release, readings, variant: model, seed: task.seed, numRuns: task.runs, laws: LAWS });
    const done = { status: 'done' as const, runs: result.runs, steps: result.steps, reached: result.reached, laws: result.laws };
    const failure = result.failure;
    if (!failure) return { outcome: { ...done, violation: null }, ms: performance.now() - started };
    const scenario = failureScenario({ property: p, release, readings, failure, found: new Date(), laws: LAWS, ...(variant ? { variant: { name: variant.name, ...model } } : {}) });
    const origin = scenario.origin.kind === 'failure' ? scenario.origin : undefined;
    const violation: Violation = {
      claim: origin?.claim ?? failure.verdict.claim,
      step: origin?.step ?? failure.verdict.step,
      explanation: origin?.failure ?? failure.verdict.explanation,
      seed: failure.seed,
      path: failure.path,
      shrunkSteps: failure.ops.length,
      steps: scenario.steps.length,
    };
    return { outcome: { ...done, violation }, scenario, ms: performance.now() - started };
  } catch (e) {
    return { outcome: { status: 'error', message: e instanceof Error ? e.message : String(e) }, ms: performance.now() - started };
  }
}
