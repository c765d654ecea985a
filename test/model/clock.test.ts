// The virtual clock: the order timers fire in, repetition, cancellation and argument checks.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/model/clock.ts';

describe('VirtualClock', () => {
  it('starts at 0 and fires timers in time order, equal times in registration order', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const at = (label: string) => () => fired.push(`${label}@${clock.now}`);
    clock.after(5, 'late', at('late'));
    clock.after(2, 'b', at('b'));
    clock.after(2, 'c', at('c'));
    clock.after(0, 'zero', at('zero'));
    clock.after(2, 'd', at('d'));
    expect(clock.now).toBe(0);
    expect(fired).toEqual([]);
    clock.advance(10);
    expect(fired).toEqual(['zero@0', 'b@2', 'c@2', 'd@2', 'late@5']);
  });

  it('lists scheduled timers soonest first, then by registration', () => {
    const clock = new VirtualClock();
    clock.after(3, 'x', () => {});
    clock.after(1, 'y', () => {});
    clock.after(3, 'z', () => {});
    expect(clock.scheduled()).toEqual([
      { at: 1, label: 'y' },
      { at: 3, label: 'x' },
      { at: 3, label: 'z' },
    ]);
  });

  it('a delay of 0 fires at the next advance, even advance(0), and not before', () => {
    const clock = new VirtualClock();
    clock.advance(4);
    let fired = -1;
    clock.after(0, 'now', () => { fired = clock.now; });
    expect(fired).toBe(-1);
    clock.advance(0);
    expect(fired).toBe(4);
    expect(clock.now).toBe(4);
  });

  it('advance ends at exactly now + seconds, whether or not timers fell due', () => {
    const clock = new VirtualClock();
    clock.advance(7);
    expect(clock.now).toBe(7);
    clock.after(3, 't', () => {});
    clock.advance(5); // the timer at 10 fires on the way; time still ends at 12
    expect(clock.now).toBe(12);
    clock.after(100, 'far', () => {});
    clock.advance(1);
    expect(clock.now).toBe(13);
  });

  it('a timer due after the end of an advance waits for a later one', () => {
    const clock = new VirtualClock();
    let fired = false;
    clock.after(6, 't', () => { fired = true; });
    clock.advance(5);
    expect(fired).toBe(false);
    clock.advance(1);
    expect(fired).toBe(true);
  });

  it('every repeats at its interval until cancelled', () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    const t = clock.every(3, 'tick', () => times.push(clock.now));
    clock.advance(10);
    expect(times).toEqual([3, 6, 9]);
    t.cancel();
    clock.advance(30);
    expect(times).toEqual([3, 6, 9]);
    expect(clock.scheduled()).toEqual([]);
  });

  it('every can be cancelled from inside its own callback', () => {
    const clock = new VirtualClock();
    const times: number[] = [];
    const t = clock.every(2, 'tick', () => {
      times.push(clock.now);
      if (times.length === 3) t.cancel();
    });
    clock.advance(100);
    expect(times).toEqual([2, 4, 6]);
    expect(clock.scheduled()).toEqual([]);
  });

  it('cancelled timers never fire, and cancelling one leaves the others alone', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const a = clock.after(1, 'a', () => fired.push('a'));
    clock.after(1, 'b', () => fired.push('b'));
    const c = clock.after(2, 'c', () => fired.push('c'));
    a.cancel();
    clock.advance(1);
    c.cancel();
    clock.advance(5);
    expect(fired).toEqual(['b']);
  });

  it('a timer can cancel a later timer that is due at the same time', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.after(1, 'first', () => { fired.push('first'); second.cancel(); });
    const second = clock.after(1, 'second', () => fired.push('second'));
    clock.advance(1);
    expect(fired).toEqual(['first']);
  });

  it('rejects delays, intervals and advances that are not whole seconds >= 0', () => {
    const clock = new VirtualClock();
    for (const bad of [-1, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => clock.after(bad, 'x', () => {})).toThrow(RangeError);
      expect(() => clock.every(bad, 'x', () => {})).toThrow(RangeError);
      expect(() => clock.advance(bad)).toThrow(RangeError);
    }
    // An interval of 0 would repeat forever at one instant.
    expect(() => clock.every(0, 'x', () => {})).toThrow(RangeError);
    expect(clock.now).toBe(0);
    expect(clock.scheduled()).toEqual([]);
  });

  it('fires every timer once, never early, in (due time, registration) order', () => {
    type Step = { kind: 'timer'; delay: number; label: string } | { kind: 'advance'; seconds: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('timer' as const), delay: fc.nat(20), label: fc.string({ maxLength: 3 }) }),
      fc.record({ kind: fc.constant('advance' as const), seconds: fc.nat(15) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const clock = new VirtualClock();
        const registered: { due: number; index: number; label: string; advances: number }[] = [];
        const fired: { index: number; at: number }[] = [];
        let time = 0;
        let advances = 0;
        for (const s of steps) {
          if (s.kind === 'timer') {
            const index = registered.length;
            registered.push({ due: time + s.delay, index, label: s.label, advances });
            clock.after(s.delay, s.label, () => fired.push({ index, at: clock.now }));
          } else {
            clock.advance(s.seconds);
            time += s.seconds;
            advances += 1;
            expect(clock.now).toBe(time);
          }
        }
        // Due by the end, and some advance has run since it was registered (a delay of 0 waits for one).
        const due = (r: (typeof registered)[number]): boolean => r.due <= time && r.advances < advances;
        const expected = registered
          .filter(due)
          .sort((a, b) => (a.due !== b.due ? a.due - b.due : a.index - b.index))
          .map((r) => r.index);
        expect(fired.map((f) => f.index)).toEqual(expected);
        // Each fires exactly at its due time (never early, never late) and only once.
        for (const f of fired) expect(f.at).toBe(registered[f.index]!.due);
        expect(new Set(fired.map((f) => f.index)).size).toBe(fired.length);
        // What has not fired is still scheduled, soonest first.
        const left = registered.filter((r) => !due(r)).sort((a, b) => a.due - b.due || a.index - b.index);
        expect(clock.scheduled()).toEqual(left.map((r) => ({ at: r.due, label: r.label })));
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});
