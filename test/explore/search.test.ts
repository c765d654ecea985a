// The search: breadth first and complete to the depth asked (every sequence judged, or merged
// with one that was); deterministic; a budget stops it cleanly at the last full depth; it
// agrees with random checking where both run; every property and law has a monitor.

import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../src/harness/check.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { parseRelease } from '../../src/model/release.ts';
import { LAWS, PROPERTIES, property } from '../../properties/index.ts';
import { variant } from '../../properties/variants/index.ts';
import { monitorOf } from '../../src/explore/monitors/index.ts';
import { processPool } from '../../src/explore/pool.ts';
import { exploreTask } from '../../src/explore/explore.ts';
import { explore, scratchDir, specFor } from './helpers.ts';

const S1 = 'Q146791-S1 low disk refuses inbound mail';
const S1_LETTERS = ['disk.fill:below-reserve', 'disk.free', 'smtp.deliver:good', 'smtp.deliver:bad-mime', 'time.pass:minute', 'service.stop:connector', 'service.start:connector'];

describe('breadth-first search', () => {
  it('judges every sequence without pruning: 1 + n + n^2 + n^3 histories to depth 3', async () => {
    const { task } = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 3, prune: false }));
    const n = S1_LETTERS.length;
    expect(task).toMatchObject({ verifiedDepth: 3, stopped: 'depth', pruned: false, histories: 1 + n + n ** 2 + n ** 3 });
    expect(task.levels.map((l) => l.histories)).toEqual([1, n, n ** 2, n ** 3]);
    // Distinct model states, counted all the same.
    expect(task.distinct).toBeLessThan(task.histories);
  });

  it('with pruning expands each state once, and agrees', async () => {
    const plain = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 3, prune: false }));
    const { task } = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 3 }));
    expect(task).toMatchObject({ verifiedDepth: 3, stopped: 'depth', pruned: true });
    expect(task.histories).toBeLessThan(plain.task.histories);
    // Each level judges the children of the states new at the level before.
    for (let d = 1; d < task.levels.length; d++) expect(task.levels[d]!.histories).toBe(task.levels[d - 1]!.newStates! * S1_LETTERS.length);
  });

  it('is deterministic: the same spec gives the same report', async () => {
    const spec = specFor('Q168139-S1 logons do not complete', { release: '5.0 SP0', letters: ['smtp.deliver:bad-mime+bad-tnef', 'time.pass:minute', 'nt.terminateHungThread', 'client.logon:any', 'reboot:directory-ready'], depth: 4, variant: 'logons-ignore-the-deadlock' });
    const dir = scratchDir();
    const a = await explore(spec, dir);
    const b = await explore(spec, dir);
    expect(b.task).toEqual(a.task);
    expect(a.task.counterexample?.depth).toBe(4);
  });

  it('gives the same report from worker processes', async () => {
    const spec = specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 2, variant: 'imc-ignores-disk-reserve' });
    const dir = scratchDir();
    const pool = processPool(1);
    try {
      const threaded = await exploreTask(spec, { pool, scenarios: dir, progress: null });
      expect(threaded.task).toEqual((await explore(spec, dir)).task);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('stops at a budget cleanly, reporting the last depth it completed', async () => {
    const { task, result } = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 10 }), scratchDir(), 300);
    expect(task.stopped).toBe('budget');
    expect(task.verifiedDepth).toBeLessThan(10);
    expect(task.verifiedDepth).toBeGreaterThanOrEqual(0);
    expect(result.levels.length).toBe(task.verifiedDepth + 2);
    expect(task.counterexample).toBeUndefined();
  });
});

describe('agrees with random checking', () => {
  const release = parseRelease('4.0 SP0')!;
  it('on the faithful model both hold', async () => {
    const { task } = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 3 }));
    expect(task.verifiedDepth).toBe(3);
    const random = checkProperty(property(S1), { release, seed: 7, numRuns: 100, laws: LAWS });
    expect(random.failure).toBeUndefined();
    expect(random.reached).toBeGreaterThan(0);
  });

  it('on a variant both find the violation, of the same claim', async () => {
    const v = variant('imc-ignores-disk-reserve');
    const { task } = await explore(specFor(S1, { release: '4.0 SP0', letters: S1_LETTERS, depth: 3, variant: v.name }));
    const random = checkProperty(property(S1), { release, readings: withReadings(v.readings ?? {}), variant: { parts: v.parts! }, seed: 7, numRuns: 300, laws: LAWS });
    expect(task.counterexample?.claim).toBe('Q146791-S1');
    expect(random.failure?.verdict.claim).toBe('Q146791-S1');
    // Exploration's is a shortest one: random checking's, reduced, is no shorter.
    expect(task.counterexample!.depth).toBeLessThanOrEqual(random.failure!.ops.length);
  });
});

describe('monitors', () => {
  it('every property and law has one, so every claim can be explored with pruning', () => {
    expect(PROPERTIES.filter((p) => !p.pending && !monitorOf(p.name)).map((p) => p.name)).toEqual([]);
  });
});
