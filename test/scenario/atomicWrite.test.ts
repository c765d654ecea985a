// Files that replace their previous versions (reports, the campaign's counterexamples) are
// written atomically: a reader never sees half of one, and a process killed while writing
// (at the write, or just before the rename) leaves the old file whole and a temporary that
// the next write removes. npm start and npm run merge are killed that way too.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BreakSaver } from '../../src/campaign/breaks.ts';
import type { Task } from '../../src/campaign/plan.ts';
import { writeAtomically } from '../../src/scenario/atomicWrite.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { removeStaleTemporaries, STALE_AFTER_MS, writeTemporary } from '../../src/scenario/temporaries.ts';
import { numbered, numberOf } from './fixtures/numbered.ts';
import { scratch } from './helpers.ts';
import { CHILD, killAt, race, start, temporaries } from './processes.ts';

const root = scratch('atomic');
const TASK: Task = { id: 't', property: 'p', release: '5.5 SP0', reading: null, seed: 1, runs: 1, variant: null };

describe('writing a file atomically', () => {
  it('killed while writing or before the rename, leaves the old file whole; the next write removes the temporary', async () => {
    const points = ['write', 'rename'] as const;
    await Promise.all(points.map((point) => {
      const dir = join(root, `killed-${point}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'report.json'), '{"tag":"old"}\n');
      return killAt([CHILD, 'report', join(dir, 'report.json'), 'new'], point, join(root, `${point}.mark`));
    }));
    for (const point of points) {
      const dir = join(root, `killed-${point}`);
      expect(readFileSync(join(dir, 'report.json'), 'utf8'), point).toBe('{"tag":"old"}\n');
      expect(temporaries(dir), point).toHaveLength(1);
      writeAtomically(join(dir, 'report.json'), '{"tag":"next"}\n');
      expect(readdirSync(dir), point).toEqual(['report.json']);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{"tag":"next"}\n');
    }
  });

  it('never shows a reader half a file while four processes rewrite it', async () => {
    const dir = join(root, 'readers');
    mkdirSync(dir);
    const path = join(dir, 'report.json');
    writeFileSync(path, '{"tag":"first"}\n');
    let reads = 0;
    let done = false;
    const writers = race(dir, 4, ['report', path, 'writer', '25']).finally(() => (done = true));
    while (!done) {
      const text = readFileSync(path, 'utf8');
      expect(() => JSON.parse(text), `a reader saw ${text.length} characters`).not.toThrow();
      reads++;
      await new Promise((r) => setImmediate(r));
    }
    await writers;
    expect(reads).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(path, 'utf8')).tag).toMatch(/^writer #24$/);
    expect(temporaries(dir)).toEqual([]);
  });

  it("removes only the temporaries of writers that are gone: this host's dead processes, or any after an hour", () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    const mine = writeTemporary(dir, 'live.json', 'x');
    const host = hostname().replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40) || 'host';
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const gone = join(dir, `.gone.json.${host}.${dead}.00000000-0000-4000-8000-000000000000.tmp`);
    const elsewhere = join(dir, `.far.json.other-host.${dead}.00000000-0000-4000-8000-000000000001.tmp`);
    const oldElsewhere = join(dir, `.old.json.other-host.1.00000000-0000-4000-8000-000000000002.tmp`);
    for (const p of [gone, elsewhere, oldElsewhere]) writeFileSync(p, 'x');
    const hourAgo = (Date.now() - STALE_AFTER_MS - 1000) / 1000;
    utimesSync(oldElsewhere, hourAgo, hourAgo);
    writeFileSync(join(dir, '.not-ours.tmp'), 'x');
    expect(removeStaleTemporaries(dir).sort()).toEqual([gone, oldElsewhere].sort());
    expect(readdirSync(dir).map((n) => join(dir, n)).sort()).toEqual([mine, elsewhere, join(dir, '.not-ours.tmp')].sort());
  });
});

describe("the campaign's counterexamples", () => {
  it('replace the old file in one step: killed before the rename, the old one is whole; the next save replaces it', async () => {
    const dir = join(root, 'breaks');
    mkdirSync(dir);
    const path = join(dir, 'Q231737-S2-5.5-SP0-defaults.json');
    writeFileSync(path, `${JSON.stringify(numbered(7), null, 2)}\n`);
    await killAt([CHILD, 'break', dir], 'rename', join(root, 'break.mark'));
    expect(numberOf(loadScenario(path).file)).toBe(7);
    expect(temporaries(dir)).toHaveLength(1);
    const saver = new BreakSaver(dir);
    expect(saver.save(TASK, numbered(1))).toBe(path);
    expect(readdirSync(dir)).toEqual(['Q231737-S2-5.5-SP0-defaults.json']);
    expect(numberOf(loadScenario(path).file)).toBe(1);
    // Found again in this campaign: the same file. Another break of the same name: the next one.
    expect(saver.save(TASK, numbered(1))).toBe(path);
    expect(saver.save(TASK, numbered(2))).toBe(join(dir, 'Q231737-S2-5.5-SP0-defaults-2.json'));
    // A re-run keeps what is unchanged and replaces in place what changed.
    const rerun = new BreakSaver(dir);
    const before = readFileSync(path, 'utf8');
    expect(rerun.save(TASK, numbered(1))).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(rerun.save(TASK, numbered(3))).toBe(join(dir, 'Q231737-S2-5.5-SP0-defaults-2.json'));
    expect(readdirSync(dir).sort()).toEqual(['Q231737-S2-5.5-SP0-defaults-2.json', 'Q231737-S2-5.5-SP0-defaults.json']);
  });
});

describe('reports', () => {
  it('npm start and npm run merge, killed before the rename, leave the old report whole; the next run replaces it', async () => {
    const dir = join(root, 'reports');
    mkdirSync(dir);
    const campaign = (shard: string, report: string) => ['src/cli/campaign.ts', '--claim', 'Q231737-R1', '--version', '5.5', '--runs', '2', '--no-matrix', '--workers', '0', '--shard', shard, '--report', report, '--scenarios', join(dir, 'scenarios')];
    const [a, b, all] = ['a.json', 'b.json', 'all.json'].map((n) => join(dir, n)) as [string, string, string];
    const shards = await Promise.all([start(campaign('1/2', a)).ended, start(campaign('2/2', b)).ended]);
    for (const s of shards) expect(s.code, s.err).toBe(0);
    const shardA = readFileSync(a, 'utf8');
    writeFileSync(all, '{"old":true}\n');
    await killAt(['src/cli/merge.ts', a, b, '--report', all], 'rename', join(root, 'merge.mark'));
    expect(readFileSync(all, 'utf8')).toBe('{"old":true}\n');
    expect(temporaries(dir)).toEqual([expect.stringMatching(/^\.all\.json\./)]);
    // The campaign, killed in turn, removed the dead merge's temporary on its way.
    await killAt(campaign('1/2', a), 'rename', join(root, 'campaign.mark'));
    expect(readFileSync(a, 'utf8')).toBe(shardA);
    expect(temporaries(dir)).toEqual([expect.stringMatching(/^\.a\.json\./)]);
    const merged = await start(['src/cli/merge.ts', a, b, '--report', all]).ended;
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(readFileSync(all, 'utf8')).format).toBe('ims-harness/campaign@1');
    expect(temporaries(dir)).toEqual([]);
  });
});

