// The one virtual clock. Time is whole seconds since the simulation began; nothing in the
// model reads the wall clock. Timers fire in (time, registration order), so the same
// operations always interleave the same way.

export interface Timer {
  readonly label: string;
  cancel(): void;
}

interface Pending {
  at: number;
  seq: number;
  label: string;
  run: () => void;
  cancelled: boolean;
}

export class VirtualClock {
  private current = 0;
  private seq = 0;
  private pending: Pending[] = [];

  get now(): number {
    return this.current;
  }

  /** Runs `run` once, `delay` seconds from now (0 means: at the next advance). */
  after(delay: number, label: string, run: () => void): Timer {
    if (!Number.isInteger(delay) || delay < 0) throw new RangeError(`timer delay must be a whole number of seconds >= 0, got ${delay}`);
    const entry: Pending = { at: this.current + delay, seq: this.seq++, label, run, cancelled: false };
    this.pending.push(entry);
    return { label, cancel: () => { entry.cancelled = true; } };
  }

  /** Runs `run` every `interval` seconds until cancelled. */
  every(interval: number, label: string, run: () => void): Timer {
    if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`timer interval must be a whole number of seconds >= 1, got ${interval}`);
    let cancelled = false;
    let inner: Timer | undefined;
    const arm = (): void => {
      inner = this.after(interval, label, () => {
        if (cancelled) return;
        arm();
        run();
      });
    };
    arm();
    return { label, cancel: () => { cancelled = true; inner?.cancel(); } };
  }

  /** Moves time forward by `seconds`, firing every timer that falls due on the way, in order. */
  advance(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`time passes in whole seconds >= 0, got ${seconds}`);
    const until = this.current + seconds;
    for (;;) {
      const next = this.nextDue(until);
      if (!next) break;
      this.current = next.at;
      next.cancelled = true;
      next.run();
    }
    this.current = until;
    this.pending = this.pending.filter((p) => !p.cancelled);
  }

  /** Labels of the timers still to fire, soonest first (for timelines and tests). */
  scheduled(): { at: number; label: string }[] {
    return this.pending
      .filter((p) => !p.cancelled)
      .sort(byDue)
      .map((p) => ({ at: p.at, label: p.label }));
  }

  private nextDue(until: number): Pending | undefined {
    let best: Pending | undefined;
    for (const p of this.pending) {
      if (p.cancelled || p.at > until) continue;
      if (!best || byDue(p, best) < 0) best = p;
    }
    return best;
  }
}

function byDue(a: Pending, b: Pending): number {
  return a.at - b.at || a.seq - b.seq;
}
