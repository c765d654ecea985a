// Runs a property with fast-check on one release: generated scenarios, fast-check's own
// shrinking, and on failure the shrunk scenario with its seed and replay path. Counts runs,
// model steps and how many runs reached the claim's trigger (coverage).

import * as fc from 'fast-check';
import type { Op } from '../faults/operations.ts';
import { DEFAULT_INTERPRETATIONS, type Interpretations } from '../model/interpretations.ts';
import { releaseName, type Release } from '../model/release.ts';
import type { History } from './history.ts';
import type { Property, Verdict } from './property.ts';
import { run, type ModelVariant } from './run.ts';

export interface CheckOptions {
  readonly release: Release;
  readonly readings?: Interpretations;
  readonly variant?: ModelVariant;
  readonly seed: number;
  readonly numRuns: number;
  /** fast-check's replay path, to go straight to a known counterexample. */
  readonly path?: string;
}

export interface Failure {
  readonly seed: number;
  readonly path: string;
  readonly ops: readonly Op[];
  readonly verdict: Extract<Verdict, { holds: false }>;
  readonly history: History;
}

export interface CheckResult {
  readonly property: string;
  readonly release: string;
  /** Generated runs before a failure, if any, was found. */
  readonly runs: number;
  /** Model steps executed, shrinking included. */
  readonly steps: number;
  /** Generated runs that reached the claim's trigger state. */
  readonly reached: number;
  readonly failure?: Failure;
}

export class ClaimViolation extends Error {
  constructor(readonly verdict: Extract<Verdict, { holds: false }>) {
    super(`${verdict.claim} violated at step ${verdict.step}: ${verdict.explanation}`);
    this.name = 'ClaimViolation';
  }
}

export function checkProperty(p: Property, options: CheckOptions): CheckResult {
  const scenario = (ops: readonly Op[]) => ({ release: options.release, ops, ...(options.readings ? { readings: options.readings } : {}) });
  let runs = 0;
  let steps = 0;
  let reached = 0;
  let failing = false;
  const property = fc.property(p.scenario(options.release, options.readings ?? DEFAULT_INTERPRETATIONS), (ops) => {
    const h = run(scenario(ops), options.variant);
    steps += ops.length;
    const verdict = p.check(h);
    if (!failing) {
      runs += 1;
      if (p.reached(h)) reached += 1;
    }
    if (!verdict.holds) {
      failing = true;
      throw new ClaimViolation(verdict);
    }
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    ...(options.path ? { path: options.path } : {}),
  });
  const base = { property: p.name, release: releaseName(options.release), runs, steps, reached };
  if (!details.failed) return base;
  if (!(details.errorInstance instanceof ClaimViolation)) throw details.errorInstance;
  const ops = details.counterexample![0];
  // Run the shrunk scenario once more for its history: the run is deterministic.
  const history = run(scenario(ops), options.variant);
  const verdict = p.check(history);
  if (verdict.holds) throw new Error(`${p.name}: the shrunk counterexample does not fail again; the model is not deterministic`);
  return { ...base, failure: { seed: details.seed, path: details.counterexamplePath!, ops, verdict, history } };
}
