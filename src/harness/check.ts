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
  /** Laws that judge every history generated, beside the property itself (the invariants and liveness). */
  readonly laws?: readonly Property[];
  readonly readings?: Interpretations;
  readonly variant?: ModelVariant;
  readonly seed: number;
  readonly numRuns: number;
  /** fast-check's replay path, to go straight to a known counterexample. */
  readonly path?: string;
}

export interface Failure {
  /** The property whose check failed: the one checked, or one of the laws. */
  readonly by: string;
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
  /** For each law: the histories it judged, and how many reached its trigger. */
  readonly laws: Readonly<Record<string, LawCoverage>>;
  readonly failure?: Failure;
}

export interface LawCoverage {
  readonly runs: number;
  readonly reached: number;
}

export class ClaimViolation extends Error {
  constructor(readonly verdict: Extract<Verdict, { holds: false }>, readonly by: string) {
    super(`${verdict.claim} violated at step ${verdict.step}: ${verdict.explanation}`);
    this.name = 'ClaimViolation';
  }
}

/** The property's verdict on a history, then each law's: the first violation, and whose it is. */
export function judgeHistory(judges: readonly Property[], h: History): { by: string; verdict: Verdict } {
  for (const j of judges) {
    const verdict = j.check(h);
    if (!verdict.holds) return { by: j.name, verdict };
  }
  return { by: '', verdict: { holds: true } };
}

export function checkProperty(p: Property, options: CheckOptions): CheckResult {
  const scenario = (ops: readonly Op[]) => ({ release: options.release, ops, ...(options.readings ? { readings: options.readings } : {}) });
  const judges = [p, ...(options.laws ?? []).filter((l) => l.name !== p.name)];
  const laws = judges.slice(1);
  let runs = 0;
  let steps = 0;
  let reached = 0;
  const coverage = new Map(laws.map((l) => [l.claims[0]!, { runs: 0, reached: 0 }]));
  let failing = false;
  const property = fc.property(p.scenario(options.release, options.readings ?? DEFAULT_INTERPRETATIONS), (ops) => {
    const h = run(scenario(ops), options.variant);
    steps += ops.length;
    const judged = judgeHistory(judges, h);
    if (!failing) {
      runs += 1;
      if (p.reached(h)) reached += 1;
      for (const l of laws) {
        const c = coverage.get(l.claims[0]!)!;
        c.runs += 1;
        if (l.reached(h)) c.reached += 1;
      }
    }
    if (!judged.verdict.holds) {
      failing = true;
      throw new ClaimViolation(judged.verdict, judged.by);
    }
  });
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    ...(options.path ? { path: options.path } : {}),
  });
  const base = { property: p.name, release: releaseName(options.release), runs, steps, reached, laws: Object.fromEntries(coverage) };
  if (!details.failed) return base;
  if (!(details.errorInstance instanceof ClaimViolation)) throw details.errorInstance;
  const ops = details.counterexample![0];
  // Run the shrunk scenario once more for its history: the run is deterministic.
  const history = run(scenario(ops), options.variant);
  const judged = judgeHistory(judges, history);
  if (judged.verdict.holds) throw new Error(`${p.name}: the shrunk counterexample does not fail again; the model is not deterministic`);
  return { ...base, failure: { by: judged.by, seed: details.seed, path: details.counterexamplePath!, ops, verdict: judged.verdict, history } };
}
