// A scenario run from start to end: the steps as operations, what each actor saw, what was
// observed on the server, and the state after each step. Same scenario, same history.

import type { Outcome } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import type { Interpretations } from '../model/interpretations.ts';
import type { Seen } from '../model/journal.ts';
import type { Release } from '../model/release.ts';
import type { Snapshot } from '../model/snapshot.ts';

export interface Step {
  readonly index: number;
  readonly op: Op;
  /** Clock when the step began. */
  readonly at: number;
  readonly outcome: Outcome;
  readonly seen: readonly Seen[];
  readonly after: Snapshot;
}

export interface History {
  readonly release: Release;
  readonly readings: Interpretations;
  /** What happened while the server was installed and first booted. */
  readonly setup: readonly Seen[];
  readonly initial: Snapshot;
  readonly steps: readonly Step[];
}

/** The state just before step `i`. */
export function before(h: History, i: number): Snapshot {
  return i === 0 ? h.initial : h.steps[i - 1]!.after;
}


