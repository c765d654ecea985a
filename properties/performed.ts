// The operations a history carried out: each step's own, and for a heal every operation inside
// it, with what its actor was told. Reference models read histories through this.

import type { Outcome } from '../src/faults/interpreter.ts';
import type { Op } from '../src/faults/operations.ts';
import type { History } from '../src/harness/history.ts';

export interface Performed {
  readonly op: Op;
  readonly outcome: Outcome;
}

/** The operations each step carried out, in order (index = step). */
export function performed(h: History): (readonly Performed[])[] {
  return h.steps.map((s) => {
    const out: Performed[] = [];
    const add = (op: Op, outcome: Outcome): void => {
      out.push({ op, outcome });
      for (const inner of outcome.performed ?? []) add(inner.op, inner.outcome);
    };
    add(s.op, s.outcome);
    return out;
  });
}
