// A counterexample written down as a scenario file, with the scenario format and saving of
// src/scenario: the shortest history found, reduced as every failure is (it is 1-minimal
// already: each single step left out gives a shorter sequence, which was judged and held), and
// saved under the scenarios directory as `<claim>-<release>[-<variant>].json`.

import { readFileSync } from 'node:fs';
import { keepFailure } from '../scenario/fromFailure.ts';
import { LAWS, property } from '../../properties/index.ts';
import { variant as variantNamed } from '../../properties/variants/index.ts';
import type { Evaluator } from './evaluate.ts';
import { replay } from './replay.ts';
import type { Counterexample } from './search.ts';

export interface Saved {
  readonly path: string;
  /** Steps in the saved file (the counterexample's, unless reduction found a shorter one: it must not). */
  readonly steps: number;
}

export function saveCounterexample(dir: string, ev: Evaluator, c: Counterexample): Saved {
  const ops = ev.ops(c.letters);
  const history = replay(ev.release, ev.readings, ev.variant, ops).history;
  const main = ev.judges[0]!;
  const p = ev.spec.properties.includes(c.judged.by) ? property(c.judged.by) : main;
  const v = ev.spec.variant ? variantNamed(ev.spec.variant) : undefined;
  const path = keepFailure(dir, {
    property: p,
    release: ev.release,
    readings: ev.readings,
    laws: LAWS,
    found: new Date(),
    failure: {
      by: c.judged.by,
      // Not from fast-check: no seed; the path names the letters, in order.
      seed: 0,
      path: `explore: ${c.letters.map((i) => ev.letters[i]!.name).join(' ')}`,
      ops,
      verdict: { holds: false, claim: c.judged.claim, step: c.judged.step, explanation: c.judged.explanation },
      history,
    },
    ...(v ? { variant: { name: v.name, ...ev.variant } } : {}),
  });
  return { path, steps: stepsIn(path) };
}

function stepsIn(path: string): number {
  // The file was just written by keepFailure (or found holding the same scenario).
  return (JSON.parse(readFileSync(path, 'utf8')) as { steps: unknown[] }).steps.length;
}
