// The abstract alphabet: every operation with one representative per class of its arguments,
// as the operations catalogue declares them (catalogue.ts, `classes`), for one release. A
// letter is named `op:class` (`disk.fill:below-reserve`), or just `op` for an operation
// without arguments. A claim's alphabet is narrowed to the classes its property's scenarios
// produce: a fixed sample of them, each operation classified by its catalogue entry.

import * as fc from 'fast-check';
import { OPERATIONS, OP_NAMES } from '../faults/catalogue.ts';
import type { ArgClasses, Op, OpName } from '../faults/operations.ts';
import type { Property } from '../harness/property.ts';
import type { Interpretations } from '../model/interpretations.ts';
import type { Release } from '../model/release.ts';

export interface Letter {
  readonly name: string;
  readonly op: Op;
}

function classesOf(name: OpName): ArgClasses | undefined {
  return OPERATIONS[name].classes as ArgClasses | undefined;
}

/** Every letter for the release, in the catalogue's order. */
export function fullAlphabet(release: Release): Letter[] {
  return OP_NAMES.flatMap((name): Letter[] => {
    const classes = classesOf(name);
    if (!classes) return Object.keys(OPERATIONS[name].args).length === 0 ? [{ name, op: { op: name } as Op }] : [];
    const reps = typeof classes.representatives === 'function' ? classes.representatives(release) : classes.representatives;
    return reps.map((c) => ({ name: `${name}:${c.name}`, op: { op: name, ...c.args } as Op }));
  });
}

/** The letter an operation belongs to (undefined: a class left out of the alphabet). */
export function letterOf(op: Op, release: Release): string | undefined {
  const classes = classesOf(op.op);
  if (!classes) return Object.keys(OPERATIONS[op.op].args).length === 0 ? op.op : undefined;
  const c = classes.of(op as never, release);
  return c === undefined ? undefined : `${op.op}:${c}`;
}

/** Scenarios sampled to narrow an alphabet, and the seed they are sampled with: fixed, so that the alphabet is too. */
export const NARROWING_SAMPLES = 400;
export const NARROWING_SEED = 20261121;

/** The letters of the full alphabet whose classes the properties' scenarios produce. */
export function scenarioAlphabet(properties: readonly Property[], release: Release, readings: Interpretations): Letter[] {
  const produced = new Set<string>();
  for (const p of properties) {
    for (const ops of fc.sample(p.scenario(release, readings), { numRuns: NARROWING_SAMPLES, seed: NARROWING_SEED })) {
      for (const op of ops) {
        const letter = letterOf(op, release);
        if (letter !== undefined) produced.add(letter);
      }
    }
  }
  return fullAlphabet(release).filter((l) => produced.has(l.name));
}

/** Letters matching `only` (an operation's name: all its classes; or a letter's name). */
export function restrict(letters: readonly Letter[], only: readonly string[]): Letter[] {
  return letters.filter((l) => only.some((o) => l.name === o || l.op.op === o));
}
