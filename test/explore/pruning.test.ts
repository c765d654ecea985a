// Pruning is sound where it was tried: two short histories merged by the fingerprint (the
// model's and every property's monitor) get the same verdict from every property under every
// continuation. On variants, where properties do fail, so that a monitor that left out
// something its checker reads would show. Three cases here (merged histories of up to 2
// letters, continued by up to 2); with IMS_EXPLORE_LONG=1, every variant case of
// variant-cases.ts with common letters added (merged up to 3, continued up to 2), as the
// README reports.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fullAlphabet } from '../../src/explore/alphabet.ts';
import { marginFor } from '../../src/explore/evaluate.ts';
import { modelFingerprint } from '../../src/explore/fingerprint.ts';
import { monitorOf } from '../../src/explore/monitors/index.ts';
import { replay } from '../../src/explore/replay.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { parseRelease } from '../../src/model/release.ts';
import { LAWS, PROPERTIES } from '../../properties/index.ts';
import { fatesOf } from '../../properties/support.ts';
import { variant as variantNamed } from '../../properties/variants/index.ts';
import { VARIANT_CASES } from './variant-cases.ts';

interface Case {
  readonly variant: string;
  readonly release: string;
  readonly letters: readonly string[];
}

/** Every sequence of up to `depth` letters. */
function sequences(n: number, depth: number): number[][] {
  const out: number[][] = [[]];
  let level: number[][] = [[]];
  for (let d = 1; d <= depth; d++) {
    level = level.flatMap((s) => Array.from({ length: n }, (_, a) => [...s, a]));
    out.push(...level);
  }
  return out;
}

/** Pairs of merged histories, judged differently by some property after the same continuation. */
function disagreements(c: Case, o: { merged: number; continued: number; pairs: number }): { merged: number; disagreements: string[] } {
  const release = parseRelease(c.release)!;
  const v = variantNamed(c.variant);
  const readings = withReadings(v.readings ?? {});
  const all = fullAlphabet(release);
  const letters = c.letters.filter((n) => all.some((l) => l.name === n)).map((n) => all.find((l) => l.name === n)!);
  const margin = marginFor(letters, o.merged + o.continued);
  const properties = PROPERTIES.filter((p) => !p.pending);
  const evaluate = (ops: readonly number[]) => {
    const r = replay(release, readings, v.parts ? { parts: v.parts } : {}, ops.map((i) => letters[i]!.op));
    const m = modelFingerprint(r.world, r.interpreter, r.history, { margin });
    const ctx = { canon: m.canon, origins: m.origins, world: r.world, fates: fatesOf(r.history) };
    const summaries = properties.map((p) => monitorOf(p.name)!(r.history, ctx));
    return {
      key: createHash('sha256').update(`${JSON.stringify(m.state)}\n${JSON.stringify(summaries)}`).digest('hex'),
      verdicts: properties.map((p) => p.check(r.history).holds),
      // Only histories the search would expand: every law holds, and the state was read whole.
      expanded: LAWS.every((l) => l.check(r.history).holds) && m.exact,
    };
  };
  const groups = new Map<string, { ops: number[]; verdicts: boolean[] }[]>();
  for (const ops of sequences(letters.length, o.merged)) {
    const e = evaluate(ops);
    if (e.expanded) groups.set(e.key, [...(groups.get(e.key) ?? []), { ops, verdicts: e.verdicts }]);
  }
  const merged = [...groups.values()].filter((g) => g.length > 1);
  const step = Math.max(1, Math.ceil(merged.length / o.pairs));
  const continuations = sequences(letters.length, o.continued).slice(1);
  const found: string[] = [];
  const name = (ops: readonly number[]) => `[${ops.map((i) => letters[i]!.name).join(', ')}]`;
  for (let k = 0; k < merged.length; k += step) {
    const [x, y] = [merged[k]![0]!, merged[k]!.at(-1)!];
    for (const s of continuations) {
      const [ex, ey] = [evaluate([...x.ops, ...s]), evaluate([...y.ops, ...s])];
      properties.forEach((p, i) => {
        // A property already violated by one of the two says nothing about its monitor.
        if (x.verdicts[i] && y.verdicts[i] && ex.verdicts[i] !== ey.verdicts[i]) found.push(`${p.name}: ${name(x.ops)} and ${name(y.ops)}, then ${name(s)}`);
      });
    }
  }
  return { merged: merged.length, disagreements: found };
}

const CASES: readonly Case[] = [
  { variant: 'start-does-not-recreate-in', release: '4.0 SP0', letters: ['agent.delete:in', 'service.stop:connector', 'service.start:connector', 'smtp.deliver:good', 'time.pass:minute'] },
  { variant: 'ok-keeps-the-old-pointer', release: '5.0 SP0', letters: ['recipient.recreate:mailbox', 'adminMailbox.reset:via-a-mailbox', 'service.stop:connector', 'service.start:connector', 'time.pass:poll'] },
  { variant: 'logons-ignore-the-deadlock', release: '5.0 SP0', letters: ['smtp.deliver:bad-mime+bad-tnef', 'time.pass:minute', 'nt.terminateHungThread', 'client.logon:any', 'heal'] },
];

describe('merged states are judged alike under every continuation', () => {
  for (const c of CASES) {
    it(`${c.variant} on ${c.release}`, () => {
      const r = disagreements(c, { merged: 2, continued: 2, pairs: 4 });
      expect(r.merged).toBeGreaterThan(0);
      expect(r.disagreements).toEqual([]);
    }, 60_000);
  }
});

const COMMON = ['time.pass:poll', 'time.pass:minute', 'client.logon:any', 'smtp.deliver:good', 'service.start:connector', 'heal', 'time.pass:ten-minutes'];

describe.runIf(process.env.IMS_EXPLORE_LONG)('merged states are judged alike, every variant case (IMS_EXPLORE_LONG)', () => {
  for (const c of VARIANT_CASES) {
    it(`${c.variant}: ${c.property} on ${c.release}`, () => {
      const r = disagreements({ ...c, letters: [...new Set([...c.letters, ...COMMON])] }, { merged: 3, continued: 2, pairs: 12 });
      expect(r.disagreements).toEqual([]);
    }, 1_800_000);
  }
});
