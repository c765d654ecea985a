// The fingerprint: a node's history is the harness's, byte for byte; the same operations give
// the same state; made-up names do not tell states apart; what decides the future does.

import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/faults/operations.ts';
import { run } from '../../src/harness/run.ts';
import { DEFAULT_INTERPRETATIONS } from '../../src/model/interpretations.ts';
import { parseRelease } from '../../src/model/release.ts';
import { Evaluator } from '../../src/explore/evaluate.ts';
import { modelFingerprint } from '../../src/explore/fingerprint.ts';
import { fullAlphabet } from '../../src/explore/alphabet.ts';
import { replay } from '../../src/explore/replay.ts';
import { variant } from '../../properties/variants/index.ts';
import { specFor } from './helpers.ts';

const R50 = parseRelease('5.0 SP0')!;
const letters = fullAlphabet(R50);
const op = (name: string): Op => letters.find((l) => l.name === name)!.op;
const ALL = letters.map((l) => l.name);

function key(names: readonly string[], o: { variant?: string } = {}): string | null {
  const ev = new Evaluator(specFor('INV-1 no acknowledged message is lost', { release: '5.0 SP0', letters: ALL, depth: 6, ...(o.variant ? { variant: o.variant } : {}) }));
  return ev.evaluate(names.map((n) => ALL.indexOf(n))).key;
}

describe('the state of a node', () => {
  it('is run exactly as the harness runs a scenario', () => {
    const ops = ['disk.fill:below-reserve', 'smtp.deliver:good', 'time.pass:minute', 'agent.delete:in', 'heal', 'time.pass:ten-minutes'].map(op);
    const mine = replay(R50, DEFAULT_INTERPRETATIONS, {}, ops).history;
    expect(JSON.stringify(mine)).toBe(JSON.stringify(run({ release: R50, ops })));
  });

  it('has the same fingerprint every time', () => {
    const names = ['smtp.deliver:bad-mime+bad-tnef', 'time.pass:minute', 'nt.terminateHungThread', 'client.logon:any'];
    expect(key(names)).not.toBeNull();
    expect(key(names)).toBe(key(names));
  });

  it('is not told apart by what changed nothing, nor by made-up names', () => {
    // A logon and an agent stopped that was never scheduled change nothing.
    expect(key(['client.logon:any', 'agent.unschedule'])).toBe(key([]));
    // A client's message refused while the store is down leaves only the serial it used behind:
    // the Message-IDs that come after it differ, canonically they do not.
    const after = ['service.start:store', 'service.start:connector', 'time.pass:minute', 'smtp.deliver:good', 'time.pass:minute'];
    const refused = key(['service.stop:store', 'client.submit:to-the-internet', ...after]);
    expect(refused).not.toBeNull();
    expect(refused).toBe(key(['service.stop:store', ...after]));
  });

  it('tells apart what decides the future', () => {
    const base = key([]);
    for (const names of [['disk.fill:below-reserve'], ['agent.delete:in'], ['smtp.deliver:good'], ['adminMailbox.clear'], ['time.pass:poll'], ['acl.set:read-only']]) expect(key(names), names.join()).not.toBe(base);
    // A fault the nemesis would heal is state of its own, even where it changed nothing visible.
    expect(key(['disk.fill:above-reserve'])).not.toBe(base);
  });

  it('keeps free bytes, clock and serial exactly where a few bytes can decide a write', () => {
    const fp = (names: string[]) => {
      const r = replay(R50, DEFAULT_INTERPRETATIONS, {}, names.map(op));
      return modelFingerprint(r.world, r.interpreter, r.history, { margin: 64 * 1024 }).state as { disk: Record<string, unknown> };
    };
    expect(fp(['disk.fill:below-reserve']).disk.free).toBe('below-reserve');
    const tight = fp(['disk.fill:full']).disk;
    expect(tight).toMatchObject({ free: 0 });
    expect(tight).toHaveProperty('clock');
    expect(tight).toHaveProperty('serial');
  });

  it('reads a variant\'s own plain fields, and merges nothing it cannot read', () => {
    const r = replay(R50, DEFAULT_INTERPRETATIONS, { parts: variant('mta-does-not-resume').parts! }, []);
    const fp = modelFingerprint(r.world, r.interpreter, r.history, { margin: 1 });
    expect(fp.exact).toBe(true);
    expect(JSON.stringify((fp.state as { extras: unknown }).extras)).toContain('"mta","started",true');
    // This one keeps the world itself in a field: not plain data.
    expect(key(['agent.delete:in'], { variant: 'in-held-open-while-running' })).toBeNull();
  });
});
