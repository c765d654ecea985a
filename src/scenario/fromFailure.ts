// A property's shrunk counterexample, reduced to a 1-minimal sequence and written down as a
// scenario file with everything needed to replay it and to know where it came from.

import { judgeHistory, type Failure } from '../harness/check.ts';
import type { Property } from '../harness/property.ts';
import { run, type ModelVariant } from '../harness/run.ts';
import { DEFAULT_INTERPRETATIONS, INTERPRETATION_IDS, type Interpretations } from '../model/interpretations.ts';
import { releaseName, type Release } from '../model/release.ts';
import { FORMAT, type ScenarioFile } from './format.ts';
import { reduce } from './reduce.ts';
import { alreadySaved } from './same.ts';
import { saveScenario } from './save.ts';

export interface FailureContext {
  readonly property: Property;
  readonly release: Release;
  readonly readings: Interpretations;
  readonly failure: Failure;
  /** When the failure was found. */
  readonly found: Date;
  /** A variant of the model, by name and parts, when the failure was found on one. */
  readonly variant?: { readonly name: string } & ModelVariant;
  /** The laws that judged the history beside the property (one of them may be what failed). */
  readonly laws?: readonly Property[];
}

/** Whether the readings differ from the defaults anywhere. */
export function alternativeReadings(readings: Interpretations): boolean {
  return INTERPRETATION_IDS.some((id) => readings[id] !== DEFAULT_INTERPRETATIONS[id]);
}

export function failureScenario(ctx: FailureContext): ScenarioFile {
  const { property, release, readings, failure } = ctx;
  // Reduced against what failed: the property itself, or the law that judged its history.
  const judge = [property, ...(ctx.laws ?? [])].find((p) => p.name === failure.by) ?? property;
  const claims = new Set(judge.claims);
  const verdictOf = (ops: readonly ScenarioFile['steps'][number][]) => judgeHistory([judge], run({ release, readings, ops }, ctx.variant ?? {})).verdict;
  const { steps } = reduce(failure.ops, (ops) => {
    const v = verdictOf(ops);
    return !v.holds && claims.has(v.claim);
  });
  const verdict = verdictOf(steps);
  if (verdict.holds) throw new Error('the reduced scenario no longer fails');
  // On the faithful model a failure is a defect to fix: the file expects the property to hold again.
  // On a variant or another reading it documents a break: the file expects the violation.
  const expected = ctx.variant || alternativeReadings(readings) ? 'violated' : 'holds';
  return {
    $schema: './scenario.schema.json',
    format: FORMAT,
    title: `${judge.name}: ${verdict.explanation.split('\n')[0]}`,
    version: release.version,
    servicePack: release.servicePack,
    release: releaseName(release),
    interpretations: { ...readings },
    judge: { properties: [judge.name], verdict: expected, ...(expected === 'violated' ? { claim: verdict.claim } : {}) },
    origin: {
      kind: 'failure',
      property: property.name,
      claim: verdict.claim,
      seed: failure.seed,
      path: failure.path,
      failure: verdict.explanation,
      step: verdict.step,
      found: ctx.found.toISOString(),
      minimal: true,
      shrunkSteps: failure.ops.length,
      ...(ctx.variant ? { variant: ctx.variant.name } : {}),
    },
    steps,
  };
}

/** Writes the failure down under `dir` as `<claim>-<release>[-<variant>].json`; returns the path. */
export function keepFailure(dir: string, ctx: FailureContext): string {
  const file = failureScenario(ctx);
  // The same failure found again (the next npm test, before it is fixed) is not saved twice.
  const known = alreadySaved(dir, file);
  if (known) return known;
  const claim = file.origin.kind === 'failure' ? file.origin.claim : ctx.property.name;
  return saveScenario(dir, file, [claim, file.release, ...(ctx.variant ? [ctx.variant.name] : [])].join('-'));
}
