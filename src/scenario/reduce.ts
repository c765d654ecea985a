// fast-check shrinks a counterexample as far as its arbitraries allow; a story's fixed parts
// cannot shrink. This removes steps one at a time until every remaining step is needed:
// taking out any single one makes the failure go away (a 1-minimal sequence).

export interface Reduced<T> {
  readonly steps: readonly T[];
  /** Runs it took. */
  readonly tries: number;
}

export function reduce<T>(steps: readonly T[], fails: (candidate: readonly T[]) => boolean): Reduced<T> {
  if (!fails(steps)) throw new Error('reduce: the sequence given does not fail');
  let current = [...steps];
  let tries = 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < current.length; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
      tries++;
      if (fails(candidate)) {
        current = candidate;
        changed = true;
      } else i++;
    }
  }
  return { steps: current, tries };
}
