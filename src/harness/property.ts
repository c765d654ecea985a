// A property checks one or more claims of an article against histories: a generator of
// scenarios that reach the claim's trigger often, a test of whether a history reached it,
// and a checker that returns a verdict, with a witness step and an explanation when violated.

import type * as fc from 'fast-check';
import type { Op } from '../faults/operations.ts';
import type { Interpretations } from '../model/interpretations.ts';
import type { Release } from '../model/release.ts';
import type { History } from './history.ts';

export type Verdict =
  | { readonly holds: true }
  | { readonly holds: false; readonly claim: string; readonly step: number; readonly explanation: string };

export interface Property {
  /** Unique; starts with the claim it is mainly about. */
  readonly name: string;
  readonly claims: readonly string[];
  /** What the property checks, in the project's words. */
  readonly checks: string;
  /** What it leaves out, where that is worth saying. */
  readonly notCovered?: string;
  /**
   * Scaffolded for a new article and not written yet: listed as to-do instead of run, and not
   * yet required to fail on a variant. Remove it once the checker is real.
   */
  readonly pending?: boolean;
  /** Scenarios for a release; the readings say how to turn an article's resolution into operations. */
  readonly scenario: (release: Release, readings: Interpretations) => fc.Arbitrary<Op[]>;
  /** Whether the history reached the state the claim is about (coverage). */
  readonly reached: (h: History) => boolean;
  readonly check: (h: History) => Verdict;
}

export const HOLDS: Verdict = { holds: true };

export function violated(claim: string, step: number, explanation: string): Verdict {
  return { holds: false, claim, step, explanation };
}

/** The first violation among verdicts, or HOLDS. */
export function firstViolation(verdicts: Iterable<Verdict>): Verdict {
  for (const v of verdicts) if (!v.holds) return v;
  return HOLDS;
}
