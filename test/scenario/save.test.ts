// Saving loses nothing and duplicates nothing, with real processes: several saving the same
// scenario at once keep one file; several saving different ones under one name keep one
// each, whole; a process killed at any point of a save (paused there by fixtures/pause.ts,
// or at random) leaves only whole files and at most a temporary, which the next save removes.

import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../src/harness/check.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { parseRelease } from '../../src/model/release.ts';
import { keepFailure } from '../../src/scenario/fromFailure.ts';
import { scenarioFiles } from '../../src/scenario/list.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { saveScenario } from '../../src/scenario/save.ts';
import { property } from '../../properties/index.ts';
import { numbered, numberOf } from './fixtures/numbered.ts';
import { scratch } from './helpers.ts';
import { CHILD, killAt, race, start, temporaries, waitFor } from './processes.ts';

const root = scratch('save');


describe('saving a scenario', () => {
  it('keeps one file for each scenario when six processes save the same twelve at once', async () => {
    const dir = join(root, 'same', 'scenarios');
    mkdirSync(dir, { recursive: true });
    const printed = await race(join(dir, '..'), 6, ['same', dir, 'same name', '12']);
    const files = scenarioFiles(dir);
    expect(files).toHaveLength(12);
    // Every process was given, for each scenario, the one file that holds it.
    for (let i = 0; i < 12; i++) expect(new Set(printed.map((paths) => paths[i])), `scenario ${i}`).toEqual(new Set([printed[0]![i]]));
    expect(files.map((f) => numberOf(loadScenario(f).file)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(temporaries(dir)).toEqual([]);
  });

  it('keeps one file when four processes keep the same failure at once', async () => {
    const dir = join(root, 'keep', 'scenarios');
    mkdirSync(dir, { recursive: true });
    const printed = (await race(join(dir, '..'), 4, ['keep', dir])).flat();
    expect(new Set(printed).size).toBe(1);
    expect(scenarioFiles(dir)).toEqual([printed[0]]);
    expect(printed[0]).toMatch(/Q231737-S2-5\.5-SP0\.json$/);
    expect(loadScenario(printed[0]!).file.origin.kind).toBe('failure');
    expect(temporaries(dir)).toEqual([]);
  });

  it('gives processes saving different scenarios under one name a whole file each', async () => {
    const dir = join(root, 'distinct', 'scenarios');
    mkdirSync(dir, { recursive: true });
    const paths = (await race(join(dir, '..'), 3, ['distinct', dir, 'one name', '8'])).flat();
    expect(new Set(paths).size).toBe(24);
    expect(scenarioFiles(dir).sort()).toEqual([...paths].sort());
    for (const p of paths) expect(loadScenario(p).file.steps).toHaveLength(200);
    expect(temporaries(dir)).toEqual([]);
  });

  it('gives the file that holds a scenario already (whatever its title, time or field order), and the next name to another', () => {
    const dir = join(root, 'names');
    const first = saveScenario(dir, numbered(1), 'x');
    expect(first).toBe(join(dir, 'x.json'));
    const { steps, ...rest } = numbered(1);
    const reordered = { steps, ...rest, title: 'found again', origin: { ...numbered(1).origin, seed: 99, found: '2030-01-01T00:00:00.000Z' } };
    expect(saveScenario(dir, reordered, 'x')).toBe(first);
    expect(saveScenario(dir, numbered(2), 'x')).toBe(join(dir, 'x-2.json'));
    expect(saveScenario(dir, numbered(2), 'x')).toBe(join(dir, 'x-2.json'));
    // Something that is no scenario under the name is passed over, never overwritten.
    writeFileSync(join(dir, 'y.json'), '{ not json');
    expect(saveScenario(dir, numbered(1), 'y')).toBe(join(dir, 'y-2.json'));
    expect(readFileSync(join(dir, 'y.json'), 'utf8')).toBe('{ not json');
  });

  it('killed at each point of a save, leaves whole files and one temporary, which the next save removes', async () => {
    const points = ['write', 'link', 'unlink'] as const;
    await Promise.all(points.map((point) => {
      mkdirSync(join(root, 'killed', point), { recursive: true });
      return killAt([CHILD, 'once', join(root, 'killed', point), 'kept'], point, join(root, 'killed', `${point}.mark`));
    }));
    for (const point of points) {
      const dir = join(root, 'killed', point);
      const [temp, ...more] = temporaries(dir);
      expect(more, point).toEqual([]);
      const text = readFileSync(join(dir, temp!), 'utf8');
      if (point === 'write') expect(() => JSON.parse(text)).toThrow();
      else expect(numberOf(JSON.parse(text))).toBe(0);
      // Only after the link is the scenario there, whole.
      expect(scenarioFiles(dir), point).toEqual(point === 'unlink' ? [join(dir, 'kept.json')] : []);
      // The next save (by this process; the killed one is gone) removes the temporary and saves once.
      expect(saveScenario(dir, numbered(0), 'kept'), point).toBe(join(dir, 'kept.json'));
      expect(readdirSync(dir), point).toEqual(['kept.json']);
      expect(numberOf(loadScenario(join(dir, 'kept.json')).file)).toBe(0);
    }
  });

  it('killed at random moments, again and again, never leaves a broken or doubled file', async () => {
    const dir = join(root, 'random', 'scenarios');
    mkdirSync(dir, { recursive: true });
    let seed = 20261122;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 6; round++) {
      const c = start([CHILD, 'loop', dir, 'looped']);
      await waitFor(() => readdirSync(join(dir, '..')).some((f) => f.startsWith('looping-')), 'the saver to start');
      await new Promise((r) => setTimeout(r, 20 + Math.floor(next() * 400)));
      c.p.kill('SIGKILL');
      expect((await c.ended).signal).toBe('SIGKILL');
      for (const f of readdirSync(join(dir, '..')).filter((n) => n.startsWith('looping-'))) unlinkSync(join(dir, '..', f));
      const numbers = scenarioFiles(dir).map((f) => {
        const { file } = loadScenario(f);
        expect(file.steps, f).toHaveLength(300);
        return numberOf(file);
      });
      expect(new Set(numbers).size, `round ${round}: a scenario saved twice`).toBe(numbers.length);
      expect(temporaries(dir).length).toBeLessThanOrEqual(1);
      if (process.env.SHOW_KILLS) console.log('round', round, 'files', numbers.length, 'temps', temporaries(dir).length);
    }
    saveScenario(dir, numbered(0, 300), 'looped');
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('keeping a failure', () => {
  it('saves the same failure found again only once, and a different one beside it', () => {
    const dir = join(root, 'kept');
    const p = property('Q231737-S2 IMS stops with 4070 and 4131');
    const readings = withReadings({ spoolLossWhileRunning: 'reject-every-version' });
    const release = parseRelease('5.5 SP0')!;
    const found = (seed: number) => checkProperty(p, { release, readings, seed, numRuns: 200 }).failure!;
    const first = keepFailure(dir, { property: p, release, readings, failure: found(1), found: new Date() });
    // The next npm test, with the same pinned seed, finds it again (at another time).
    const again = keepFailure(dir, { property: p, release, readings, failure: found(1), found: new Date(Date.now() + 60_000) });
    expect(again).toBe(first);
    expect(scenarioFiles(dir)).toEqual([first]);
    const other = keepFailure(dir, { property: p, release: parseRelease('5.0 SP0')!, readings, failure: found(1), found: new Date() });
    expect(other).not.toBe(first);
    expect(scenarioFiles(dir).sort()).toEqual([first, other].sort());
  });
});
