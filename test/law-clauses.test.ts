// Clauses of the laws that no variant or hole shows failing alone, each shown failing on a
// faithful run with one thing moved, as a wrong model would have it: INV-6's (the clock variant
// breaks the first boot, so it shows only the first), and INV-2's "goes Running only while what
// it needs runs" (the holes trip its other clauses first).

import { describe, expect, it } from 'vitest';
import { run } from '../src/harness/run.ts';
import type { History } from '../src/harness/history.ts';
import { legalServiceTransitions, timeNeverGoesBack } from '../properties/invariants.ts';

const faithful = (): History =>
  run({ release: { version: '5.0', servicePack: 0 }, ops: [{ op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' }, { op: 'time.pass', seconds: 60 }, { op: 'service.stop', service: 'MSExchangeIMC' }] });

/** The history with step `i` changed by `f` (a copy: the run's own objects are left alone). */
function withStep(h: History, i: number, f: (s: History['steps'][number]) => History['steps'][number]): History {
  return { ...h, steps: h.steps.map((s, j) => (j === i ? f(s) : s)) };
}

describe('INV-6 time never goes back', () => {
  it('holds on a faithful run', () => {
    expect(timeNeverGoesBack.check(faithful())).toMatchObject({ holds: true });
  });

  it('fails when a step ends before it began', () => {
    const h = withStep(faithful(), 2, (s) => ({ ...s, seen: [], after: { ...s.after, at: s.at - 1 } }));
    expect(timeNeverGoesBack.check(h)).toMatchObject({ holds: false, claim: 'INV-6', step: 2, explanation: expect.stringMatching(/ended at .* before it began/) });
  });

  it('fails when something seen is dated before what was seen before it', () => {
    const h = withStep(faithful(), 1, (s) => ({ ...s, seen: [...s.seen, { ...s.seen.at(-1)!, at: s.at }] as typeof s.seen }));
    expect(timeNeverGoesBack.check(h)).toMatchObject({ holds: false, step: 1, explanation: expect.stringMatching(/before what was observed before it/) });
  });

  it('fails when something seen is dated after its step ended', () => {
    const h = withStep(faithful(), 0, (s) => ({ ...s, seen: [...s.seen, { ...s.seen.at(-1)!, at: s.after.at + 5 }] as typeof s.seen }));
    expect(timeNeverGoesBack.check(h)).toMatchObject({ holds: false, step: 0, explanation: expect.stringMatching(/after the step ended/) });
  });
});

describe('INV-2 legal service transitions: what a service needs', () => {
  it('fails when a service goes Running before a service it needs', () => {
    const h = faithful();
    const record = (service: string, to: string) => h.setup.findIndex((o) => o.kind === 'service' && o.service === service && o.to === to);
    const ds = record('MSExchangeDS', 'Running');
    const isStarts = record('MSExchangeIS', 'StartPending');
    const is = record('MSExchangeIS', 'Running');
    expect(ds).toBeLessThan(isStarts);
    // The store's start and Running records moved before the directory's Running one.
    const moved = [h.setup[isStarts]!, h.setup[is]!];
    const setup = [...h.setup.slice(0, ds), ...moved, ...h.setup.filter((o, i) => i >= ds && !moved.includes(o))];
    expect(legalServiceTransitions.check(h)).toMatchObject({ holds: true });
    expect(legalServiceTransitions.check({ ...h, setup })).toMatchObject({ holds: false, claim: 'INV-2', step: -1, explanation: expect.stringMatching(/MSExchangeIS went Running while MSExchangeDS, which it needs, was StartPending/) });
  });
});
