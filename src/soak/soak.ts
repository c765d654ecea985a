// A soak: random long histories, one after another, over the releases the catalogue checks and
// every reading, each judged by every law when it ends. A history that breaks a law is reduced
// (halves first, then single steps) and saved as a scenario, like any other failure. Everything
// derives from one seed: run k has its release, its reading and its operations from (seed, k).

import * as fc from 'fast-check';
import { taskSeed } from '../campaign/seeds.ts';
import { anyOp } from '../faults/arbitraries.ts';
import { judgeHistory } from '../harness/check.ts';
import { CLAIMS, INVARIANTS } from '../harness/claims.ts';
import type { Property } from '../harness/property.ts';
import { run, type ModelVariant } from '../harness/run.ts';
import { DEFAULT_INTERPRETATIONS, INTERPRETATIONS, INTERPRETATION_IDS, alternativesOf, withReadings, type Interpretations } from '../model/interpretations.ts';
import { RELEASES, releaseMatches, releaseName, type Release } from '../model/release.ts';
import { keepFailure } from '../scenario/fromFailure.ts';

export interface SoakOptions {
  readonly seed: number;
  /** Steps in all; null: until the budget runs out. */
  readonly steps: number | null;
  /** Seconds after which no new run starts; null: no budget. */
  readonly budget: number | null;
  /** Steps per run. */
  readonly length: number;
  /** Versions or levels to soak ("5.0", "5.5 SP3"); empty: every release a claim is checked on. */
  readonly versions: readonly string[];
  /** Only the defaults, or every non-default alternative of every reading too, in turn. */
  readonly readings: 'defaults' | 'all';
  /** Where failures are saved; null: not saved. */
  readonly scenarios: string | null;
  readonly laws: readonly Property[];
  /** A variant of the model to soak instead of the faithful one (a canary must break a law). */
  readonly variant?: { readonly name: string } & ModelVariant;
}

export interface SoakFailure {
  readonly run: number;
  readonly release: string;
  readonly reading: string;
  readonly law: string;
  readonly claim: string;
  readonly explanation: string;
  readonly steps: number;
  readonly saved: string | null;
}

export interface SoakResult {
  readonly runs: number;
  readonly steps: number;
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly failures: readonly SoakFailure[];
}

/** The releases soaked: those the catalogue checks a claim on, as the filters allow. */
export function soakReleases(versions: readonly string[]): Release[] {
  const checked = new Set([...CLAIMS, ...INVARIANTS].flatMap((c) => c.releases));
  return RELEASES.filter((r) => checked.has(releaseName(r)) && (!versions.length || versions.some((v) => releaseMatches(v, r))));
}

/** The readings soaked, in turn: the defaults, then (for all) each non-default alternative alone. */
export function soakReadings(which: 'defaults' | 'all'): { name: string; readings: Interpretations }[] {
  const defaults = [{ name: 'defaults', readings: DEFAULT_INTERPRETATIONS }];
  if (which === 'defaults') return defaults;
  return [
    ...defaults,
    ...INTERPRETATION_IDS.flatMap((id) =>
      alternativesOf(id).filter((alt) => alt !== INTERPRETATIONS[id].default).map((alt) => ({ name: `${id}=${alt}`, readings: withReadings({ [id]: alt }) })),
    ),
  ];
}

export function soak(o: SoakOptions, onRun?: (runs: number, steps: number, peakRssMiB: number) => void): SoakResult {
  const releases = soakReleases(o.versions);
  const readings = soakReadings(o.readings);
  const started = performance.now();
  const deadline = o.budget === null ? Infinity : started + o.budget * 1000;
  const failures: SoakFailure[] = [];
  let runs = 0;
  let steps = 0;
  let peak = 0;
  while ((o.steps === null || steps < o.steps) && performance.now() < deadline) {
    const k = runs;
    const release = releases[k % releases.length]!;
    const reading = readings[Math.floor(k / releases.length) % readings.length]!;
    const length = o.steps === null ? o.length : Math.min(o.length, o.steps - steps);
    const seed = taskSeed(o.seed, `soak run ${k}`);
    const ops = fc.sample(anyOp(release), { seed, numRuns: length });
    const variant = o.variant ?? {};
    const h = run({ release, readings: reading.readings, ops }, variant);
    const judged = judgeHistory(o.laws, h);
    runs += 1;
    steps += length;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!judged.verdict.holds) {
      const law = o.laws.find((l) => l.name === judged.by)!;
      const failure = { by: judged.by, seed, path: `soak run ${k}`, ops, verdict: judged.verdict, history: h };
      // Everything after the witness step is not needed to show it (the laws judge what has happened).
      const upTo = { ...failure, ops: ops.slice(0, judged.verdict.step + 1) };
      const cut = judgeHistory([law], run({ release, readings: reading.readings, ops: upTo.ops }, variant)).verdict.holds ? failure : upTo;
      const saved = o.scenarios === null ? null : keepFailure(o.scenarios, { property: law, release, readings: reading.readings, failure: cut, found: new Date(), laws: o.laws, ...(o.variant ? { variant: o.variant } : {}) });
      failures.push({ run: k, release: releaseName(release), reading: reading.name, law: law.name, claim: judged.verdict.claim, explanation: judged.verdict.explanation, steps: length, saved });
    }
    onRun?.(runs, steps, peak / 1048576);
  }
  return { runs, steps, ms: performance.now() - started, peakRssMiB: Math.round(peak / 1048576), failures };
}
