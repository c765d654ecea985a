// Replaying a loaded scenario: its steps run on a fresh world (the variant it names, its
// readings), then it is judged as the file asks. Every property in judge.properties must give
// the file's verdict (for "violated", a violation of judge.claim), and every step's `expect`
// must match what was observed. The result is data: whether the scenario behaves as the
// file says, and each mismatch with its step, field, expected and observed.
//
// A claim whose trigger the history never reached has not been put to the test: its checker
// finding nothing wrong means nothing. Such a judgement is "not reached", never "holds", as in
// the campaign; a file that says a property holds, when its history does not reach the
// property's trigger, does not behave as it says. Laws are shown "not reached" the same way,
// and are not required to be reached.

import type { History } from '../harness/history.ts';
import type { Property, Verdict } from '../harness/property.ts';
import { run } from '../harness/run.ts';
import { checkStep, type Check } from './expectations.ts';
import { KNOWN, type LoadedScenario } from './load.ts';
import type { Known } from './checks.ts';

/** What a judgement came to: a violation, or holds only where the trigger was reached. */
export type Outcome = 'holds' | 'violated' | 'not reached';

export interface Judgement {
  readonly property: string;
  /** What the file says the property must give. */
  readonly expected: 'holds' | 'violated';
  readonly claim?: string;
  /** The checker's verdict (holds, when nothing was found, even where the trigger was not reached). */
  readonly verdict: Verdict;
  /** Whether the history reached the state the property's claims are about (its `reached`). */
  readonly reached: boolean;
  readonly outcome: Outcome;
  readonly met: boolean;
  /**
   * A law the file does not name: every replayed history is judged by it. It must hold where
   * the file says its properties hold on the faithful model; elsewhere (a variant, a documented
   * violation) its verdict is shown, not required.
   */
  readonly law?: { readonly required: boolean };
}

export interface Mismatch {
  /** The step (as in `steps[i]`), or null for a property's verdict on the whole history. */
  readonly step: number | null;
  readonly field: string;
  readonly expected: unknown;
  readonly observed: unknown;
}

export interface ReplayVerdict {
  readonly behaves: boolean;
  readonly judgements: readonly Judgement[];
  /** The checks of each step's `expect`, by step. */
  readonly checks: readonly (readonly Check[])[];
  readonly mismatches: readonly Mismatch[];
}

export interface Replay {
  readonly scenario: LoadedScenario;
  readonly history: History;
  readonly verdict: ReplayVerdict;
}

export function replay(scenario: LoadedScenario, known: Known = KNOWN): Replay {
  const parts = scenario.variant?.parts;
  const history = run({ release: scenario.release, readings: scenario.readings, ops: scenario.ops }, parts ? { parts } : {});
  return { scenario, history, verdict: judge(scenario, history, known) };
}

export function judge(scenario: LoadedScenario, history: History, known: Known = KNOWN): ReplayVerdict {
  const { verdict: expected, claim } = scenario.file.judge;
  const judgements = scenario.file.judge.properties.map((name): Judgement => {
    const p = known.properties.find((x) => x.name === name);
    if (!p) throw new Error(`no property named "${name}" (the loader should have refused the file)`);
    const { verdict, reached, outcome } = judgeBy(p, history);
    const met = expected === 'holds' ? outcome === 'holds' : !verdict.holds && verdict.claim === claim;
    return { property: name, expected, ...(claim === undefined ? {} : { claim }), verdict, reached, outcome, met };
  });
  const required = expected === 'holds' && scenario.variant === undefined;
  for (const law of (known.laws ?? []).filter((l) => !scenario.file.judge.properties.includes(l.name))) {
    const { verdict, reached, outcome } = judgeBy(law, history);
    // A law that was not reached is shown so, but not required: the file does not name it.
    judgements.push({ property: law.name, expected: 'holds', verdict, reached, outcome, met: verdict.holds || !required, law: { required } });
  }
  const checks = history.steps.map((step, i) => {
    const expect = scenario.expectations[i];
    return expect ? checkStep(expect, step) : [];
  });
  const mismatches: Mismatch[] = [
    ...judgements.filter((j) => !j.met).map((j) => ({
      step: j.verdict.holds ? null : j.verdict.step,
      field: `judge: ${j.property}`,
      expected: j.expected === 'holds' ? 'holds' : `violated ${j.claim}`,
      observed: judgementText(j),
    })),
    ...checks.flatMap((cs, step) => cs.filter((c) => !c.met).map((c) => ({ step, field: c.field, expected: c.expected, observed: c.observed }))),
  ];
  return { behaves: mismatches.length === 0, judgements, checks, mismatches };
}

function judgeBy(p: Property, history: History): { verdict: Verdict; reached: boolean; outcome: Outcome } {
  const verdict = p.check(history);
  const reached = p.reached(history);
  return { verdict, reached, outcome: !verdict.holds ? 'violated' : reached ? 'holds' : 'not reached' };
}

export function verdictText(v: Verdict): string {
  return v.holds ? 'holds' : `violated ${v.claim} at steps[${v.step}]: ${v.explanation}`;
}

/** `holds`, `not reached (...)` or the violation with its witness and explanation. */
export function judgementText(j: Judgement): string {
  return j.outcome === 'not reached' ? 'not reached (its trigger never happens in this history: nothing was put to the test)' : verdictText(j.verdict);
}

/** `steps[3] reply: expected "421 ...", observed "250 OK"`. */
export function mismatchText(m: Mismatch): string {
  const where = m.step === null ? '' : `steps[${m.step}] `;
  const show = (v: unknown) => (typeof v === 'string' && m.field.startsWith('judge:') ? v : JSON.stringify(v));
  return `${where}${m.field}: expected ${show(m.expected)}, observed ${show(m.observed)}`;
}
