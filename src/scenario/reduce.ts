// fast-check shrinks a counterexample as far as its arbitraries allow; a story's fixed parts
// cannot shrink, and a soak's history is thousands of steps long. This removes steps until every
// remaining one is needed: taking out any single one makes the failure go away (a 1-minimal
// sequence). It first takes out halves, quarters, ... (as delta debugging does), so that a long
// history costs a number of runs close to its length's logarithm, then single steps.

export interface Reduced<T> {
  readonly steps: readonly T[];
  /** Runs it took. */
  readonly tries: number;
}

export function reduce<T>(steps: readonly T[], fails: (candidate: readonly T[]) => boolean): Reduced<T> {
  if (!fails(steps)) throw new Error('reduce: the sequence given does not fail');
  let current = [...steps];
  let tries = 1;
  // Chunks of decreasing size, down to single steps; each size swept until nothing more goes.
  for (let size = Math.max(1, current.length >> 1); ; size = Math.max(1, size >> 1)) {
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < current.length; ) {
        const candidate = [...current.slice(0, i), ...current.slice(i + size)];
        tries++;
        if (candidate.length < current.length && fails(candidate)) {
          current = candidate;
          changed = true;
        } else i += size;
      }
    }
    if (size === 1) break;
  }
  return { steps: current, tries };
}
