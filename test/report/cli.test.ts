// The command lines write the HTML: npm start next to its JSON report, npm run merge next to
// the merged one (the same page the unsharded campaign writes), npm run replay -- FILE --html
// OUT a scenario's timeline, refusing an OUT it cannot write.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeArgs } from '../bin.ts';
import { INVARIANTS } from '../../src/harness/claims.ts';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { serialise } from '../../src/campaign/report.ts';
import { main, USAGE } from '../../src/cli/replay.ts';
import { htmlPathFor } from '../../src/report/files.ts';
import { options } from '../campaign/helpers.ts';

const REPO = join(import.meta.dirname, '..', '..');
const WORK = join(REPO, '.tmp/report-test/cli');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

function tsx(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [...nodeArgs(script), ...args], { cwd: REPO, encoding: 'utf8' });
}

function replayCli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('the HTML from the command lines', () => {
  it('puts the HTML next to the JSON report, with the same base name', () => {
    expect(htmlPathFor('reports/campaign.json')).toBe('reports/campaign.html');
    expect(htmlPathFor('out/ALL.JSON')).toBe('out/ALL.html');
    expect(htmlPathFor('out/report')).toBe('out/report.html');
  });

  it('npm start and npm run merge write the same page for the same campaign', async () => {
    const spec = { seed: 7, runs: 3, articles: ['Q246115'], matrix: false };
    const whole = tsx('src/cli/campaign.ts', '--article', 'Q246115', '--runs', '3', '--seed', '7', '--no-matrix', '--workers', '0', '--report', join(WORK, 'whole.json'), '--scenarios', join(WORK, 'sc'));
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toContain(`HTML report: ${join(WORK, 'whole.html')}`);
    const page = readFileSync(join(WORK, 'whole.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    // Q246115's three claims, and a row for each law.
    expect(page.match(/<tr data-id="/g)?.length).toBe(3 + INVARIANTS.length);

    const shards = await Promise.all([1, 2].map((index) => runCampaign(options({ ...spec, shard: { index, count: 2 } }))));
    shards.forEach((s, k) => writeFileSync(join(WORK, `shard${k + 1}.json`), serialise(s)));
    const merged = tsx('src/cli/merge.ts', join(WORK, 'shard2.json'), join(WORK, 'shard1.json'), '--report', join(WORK, 'all.json'));
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`HTML report: ${join(WORK, 'all.html')}`);
    expect(readFileSync(join(WORK, 'all.html'), 'utf8')).toBe(page);
  }, 120_000);

  it('npm run replay -- FILE --html OUT writes the timeline and still prints it; a bad OUT exits 2', () => {
    const story = join(REPO, 'scenarios/Q183178-story.json');
    const out = join(WORK, 'deep/er/story.html');
    const r = replayCli(story, '--html', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Q183178 story: /);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[^]*<h1>Q183178 story: /);
    expect(USAGE).toContain('--html OUT');

    const bad = replayCli(story, '--html', WORK);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${WORK}: cannot write the HTML timeline`);
    const empty = replayCli(story, '--html', '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--html needs the file to write');
  });
});
