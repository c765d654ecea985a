// The one virtual clock. Time is whole seconds since the simulation began; nothing in the
// model reads the wall clock. Timers fire in (time, registration order), so the same
// operations always interleave the same way.

export interface Timer {
  readonly label: string;
  cancel(): void;
}

/** A timer in the heap; it is also the handle handed out (a class, not a closure per timer: timers are made at every poll). */
export class Pending implements Timer {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly label: string,
    readonly run: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * A timer that arms itself again each time it fires, until cancelled. Cancelling cancels the
 * timer armed last, which is the next to fire: it re-arms before it runs, so a cancel from
 * inside its own run holds too.
 */
class Repeating implements Timer {
  private inner: Timer;
  constructor(
    private readonly clock: VirtualClock,
    private readonly interval: number,
    readonly label: string,
    private readonly run: () => void,
  ) {
    this.inner = this.arm();
  }

  private arm(): Timer {
    return this.clock.after(this.interval, this.label, () => this.fire());
  }

  private fire(): void {
    this.inner = this.arm();
    this.run();
  }

  cancel(): void {
    this.inner.cancel();
  }
}

export class VirtualClock {
  private current = 0;
  private seq = 0;
  /** A binary heap on (time, registration order); cancelled timers stay until they reach the top. */
  private readonly heap: Pending[] = [];

  get now(): number {
    return this.current;
  }

  /** Runs `run` once, `delay` seconds from now (0 means: at the next advance). */
  after(delay: number, label: string, run: () => void): Timer {
    if (!Number.isInteger(delay) || delay < 0) throw new RangeError(`timer delay must be a whole number of seconds >= 0, got ${delay}`);
    const entry = new Pending(this.current + delay, this.seq++, label, run);
    this.push(entry);
    return entry;
  }

  /** Runs `run` every `interval` seconds until cancelled. */
  every(interval: number, label: string, run: () => void): Timer {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`timer interval must be a whole number of seconds >= 1, got ${interval}`);
    return new Repeating(this, interval, label, run);
  }

  /** Moves time forward by `seconds`, firing every timer that falls due on the way, in order. */
  advance(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`time passes in whole seconds >= 0, got ${seconds}`);
    const until = this.current + seconds;
    for (;;) {
      this.dropCancelled();
      const next = this.heap[0];
      if (!next || next.at > until) break;
      this.pop();
      this.current = next.at;
      next.run();
    }
    this.current = until;
  }

  /** Labels of the timers still to fire, soonest first (read by the clock's unit test). */
  scheduled(): { at: number; label: string }[] {
    return this.heap
      .filter((p) => !p.cancelled)
      .sort(byDue)
      .map((p) => ({ at: p.at, label: p.label }));
  }

  /** When the next timer falls due, if any. */
  nextDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Which of two timers fires first: the one due sooner, then the one set first. */
  protected order(a: Pending, b: Pending): number {
    return byDue(a, b);
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0]!.cancelled) this.pop();
  }

  private push(p: Pending): void {
    const h = this.heap;
    h.push(p);
    for (let i = h.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (this.order(h[i]!, h[up]!) >= 0) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.order(h[l]!, h[m]!) < 0) m = l;
      if (r < h.length && this.order(h[r]!, h[m]!) < 0) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

function byDue(a: Pending, b: Pending): number {
  return a.at - b.at || a.seq - b.seq;
}
