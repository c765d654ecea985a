// Pruning is sound where it was tried: two short histories merged by the fingerprint (the
// model's and every property's monitor) get the same verdict from every property under every
// continuation of up to two letters. On variants, where properties do fail, so that a monitor
// that left out something its checker reads would show. (A longer run of the same check, over
// every variant, is described in the README.)

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

const CASES = [
  { variant: 'start-does-not-recreate-in', release: '4.0 SP0', letters: ['agent.delete:in', 'service.stop:connector', 'service.start:connector', 'smtp.deliver:good', 'time.pass:minute'] },
  { variant: 'ok-keeps-the-old-pointer', release: '5.0 SP0', letters: ['recipient.recreate:mailbox', 'adminMailbox.reset:via-a-mailbox', 'service.stop:connector', 'service.start:connector', 'time.pass:poll'] },
  { variant: 'logons-ignore-the-deadlock', release: '5.0 SP0', letters: ['smtp.deliver:bad-mime+bad-tnef', 'time.pass:minute', 'nt.terminateHungThread', 'client.logon:any', 'heal'] },
];

describe('merged states are judged alike under every continuation', () => {
  for (const c of CASES) {
    it(`${c.variant} on ${c.release}`, () => {
      const release = parseRelease(c.release)!;
      const v = variantNamed(c.variant);
      const readings = withReadings(v.readings ?? {});
      const letters = c.letters.map((n) => fullAlphabet(release).find((l) => l.name === n)!);
      const margin = marginFor(letters, 4);
      const properties = PROPERTIES.filter((p) => !p.pending);
      const evaluate = (ops: number[]) => {
        const r = replay(release, readings, v.parts ? { parts: v.parts } : {}, ops.map((i) => letters[i]!.op));
        const m = modelFingerprint(r.world, r.interpreter, r.history, { margin });
        const ctx = { canon: m.canon, origins: m.origins, world: r.world, fates: fatesOf(r.history) };
        const summaries = properties.map((p) => monitorOf(p.name)!(r.history, ctx));
        return {
          key: createHash('sha256').update(`${JSON.stringify(m.state)}\n${JSON.stringify(summaries)}`).digest('hex'),
          verdicts: properties.map((p) => p.check(r.history).holds),
          laws: LAWS.every((l) => l.check(r.history).holds) && m.exact,
        };
      };
      const n = letters.length;
      const prefixes: number[][] = [[]];
      for (let a = 0; a < n; a++) for (const p of [[a], ...Array.from({ length: n }, (_, b) => [a, b])]) prefixes.push(p);
      const groups = new Map<string, { ops: number[]; verdicts: boolean[] }[]>();
      for (const ops of prefixes) {
        const e = evaluate(ops);
        if (!e.laws) continue;
        groups.set(e.key, [...(groups.get(e.key) ?? []), { ops, verdicts: e.verdicts }]);
      }
      const merged = [...groups.values()].filter((g) => g.length > 1);
      expect(merged.length).toBeGreaterThan(0);
      const suffixes = [...Array.from({ length: n }, (_, a) => [a]), ...Array.from({ length: n * n }, (_, k) => [Math.floor(k / n), k % n])];
      const disagreements: string[] = [];
      for (const g of merged.slice(0, 4)) {
        const [x, y] = [g[0]!, g.at(-1)!];
        for (const s of suffixes) {
          const [ex, ey] = [evaluate([...x.ops, ...s]), evaluate([...y.ops, ...s])];
          properties.forEach((p, i) => {
            if (x.verdicts[i] && y.verdicts[i] && ex.verdicts[i] !== ey.verdicts[i]) disagreements.push(`${p.name}: [${x.ops}] and [${y.ops}] then [${s}]`);
          });
        }
      }
      expect(disagreements).toEqual([]);
    }, 60_000);
  }
});
