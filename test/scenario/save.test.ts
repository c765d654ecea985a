// Saving is atomic (a crash mid-write leaves at most a dot-temporary, which nothing reads as a
// scenario) and exclusive (two processes saving the same name at once both keep a complete
// file of their own). Child processes do the saving, as the harness's workers would.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/scenario/list.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { saveScenario } from '../../src/scenario/save.ts';
import { checkProperty } from '../../src/harness/check.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { parseRelease } from '../../src/model/release.ts';
import { keepFailure } from '../../src/scenario/fromFailure.ts';
import { property } from '../../properties/index.ts';
import { REPO, sample, scratch } from './helpers.ts';

const root = scratch('save');
const CHILD = join(REPO, 'test/scenario/fixtures/saveChild.ts');
const child = (...args: string[]) => [process.execPath, ['--import', 'tsx', CHILD, ...args]] as const;

describe('saving a scenario', () => {
  it('leaves only a dot-temporary when the process dies halfway through writing', () => {
    const dir = join(root, 'crash');
    mkdirSync(dir);
    const r = spawnSync(...child(dir, 'Q231737-S2-5.5', 'crash'), { cwd: REPO, encoding: 'utf8' });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    const left = readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.Q231737-S2-5\.5\..*\.tmp$/);
    const partial = readFileSync(join(dir, left[0]!), 'utf8');
    expect(partial.length).toBeGreaterThan(0);
    expect(() => JSON.parse(partial)).toThrow();
    // Nothing lists the temporary as a scenario, and the name is still free.
    expect(scenarioFiles(dir)).toEqual([]);
    const path = saveScenario(dir, sample(), 'Q231737-S2-5.5');
    expect(path).toBe(join(dir, 'Q231737-S2-5.5.json'));
    expect(scenarioFiles(dir)).toEqual([path]);
    expect(loadScenario(path).file).toEqual(sample());
  });

  it('gives two processes saving the same name at once a complete file each', async () => {
    const dir = join(root, 'race');
    mkdirSync(dir);
    const outputs = [0, 1].map(
      () =>
        new Promise<string>((resolve, reject) => {
          const p = spawn(...child(dir, 'same name', 'race', '10'), { cwd: REPO });
          let out = '';
          let err = '';
          p.stdout.on('data', (d) => (out += d));
          p.stderr.on('data', (d) => (err += d));
          p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
        }),
    );
    for (let waited = 0; readdirSync(dir).filter((n) => n.startsWith('ready-')).length < 2 && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, 'go'), '');
    const paths = (await Promise.all(outputs)).flatMap((o) => o.trim().split('\n'));
    expect(new Set(paths).size).toBe(20);
    expect(scenarioFiles(dir).sort()).toEqual([...paths].sort());
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    const titles = paths.map((p) => loadScenario(p).file.title);
    expect(new Set(titles).size).toBe(20);
    for (const p of paths) expect(loadScenario(p).file.steps).toHaveLength(200);
  });

  it('never overwrites: the same name again gets the next free one', () => {
    const dir = join(root, 'names');
    const first = saveScenario(dir, sample(), 'x');
    const second = saveScenario(dir, sample(), 'x');
    expect([first, second]).toEqual([join(dir, 'x.json'), join(dir, 'x-2.json')]);
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
