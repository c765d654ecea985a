// Exploration finds every falsifiability variant's violation (properties/variants), at the
// smallest depth where it exists over the alphabet given: the search is breadth first, so it
// judged every shorter history (verified to depth d - 1) before it found one of depth d. The
// alphabets are small: the letters of the counterexample random checking finds, reduced, plus
// a distractor (variant-cases.ts). A few are also explored without pruning (the same depth
// found: merging states lost nothing), and their saved counterexample replays as a violation
// of the right claim.

import { describe, expect, it } from 'vitest';
import { property } from '../../properties/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { explore, specFor } from './helpers.ts';
import { VARIANT_CASES } from './variant-cases.ts';

const distractor = (letters: readonly string[]) => (letters.includes('time.pass:poll') ? 'client.logon:any' : 'time.pass:poll');
const alphabetOf = (letters: readonly string[]) => [...letters, distractor(letters)];

describe('exploration finds each variant\'s violation at the smallest depth', () => {
  for (const c of VARIANT_CASES) {
    it(`${c.variant}: ${c.property} on ${c.release}, at depth ${c.depth}`, async () => {
      const spec = specFor(c.property, { release: c.release, letters: alphabetOf(c.letters), depth: c.depth, variant: c.variant });
      const { task } = await explore(spec);
      expect(task.counterexample, `no violation up to depth ${c.depth}`).toBeDefined();
      expect(task.verifiedDepth).toBe(c.depth - 1);
      expect(task.counterexample!.depth).toBe(c.depth);
      expect(property(c.property).claims).toContain(task.counterexample!.claim);
      // Saved and 1-minimal as found: reduction took nothing out.
      expect(task.counterexample!.savedSteps).toBe(c.depth);
    });
  }
});

const FEW = ['start-does-not-recreate-in', 'ok-keeps-the-old-pointer', 'logons-ignore-the-deadlock', 'read-only-on-imcdata-only', 'mta-does-not-resume'];

describe('without pruning, the same depth; the counterexample replays as a violation of its claim', () => {
  for (const c of VARIANT_CASES.filter((x) => FEW.includes(x.variant))) {
    it(`${c.variant}: ${c.property}`, async () => {
      const letters = alphabetOf(c.letters);
      const pruned = await explore(specFor(c.property, { release: c.release, letters, depth: c.depth, variant: c.variant }));
      const plain = await explore(specFor(c.property, { release: c.release, letters, depth: c.depth, variant: c.variant, prune: false }));
      expect(plain.task.pruned).toBe(false);
      expect(pruned.task.pruned).toBe(true);
      expect(plain.task.counterexample?.depth).toBe(c.depth);
      expect(plain.task.verifiedDepth).toBe(pruned.task.verifiedDepth);
      // Pruning judged fewer histories for the same result.
      expect(pruned.task.histories).toBeLessThanOrEqual(plain.task.histories);
      const r = replay(loadScenario(pruned.task.counterexample!.scenario));
      const judged = r.verdict.judgements.find((j) => j.property === pruned.task.counterexample!.by)!;
      expect(judged.verdict.holds).toBe(false);
      expect(r.verdict.behaves).toBe(true);
      expect(r.scenario.file.judge).toMatchObject({ verdict: 'violated', claim: pruned.task.counterexample!.claim });
      expect(r.scenario.file.steps.map((s) => s.op)).toEqual(pruned.task.counterexample!.steps.map((l) => l.split(':')[0]));
    });
  }
});
