// npm run explore's command line: bad options exit 2 with a line naming the option and the
// problem, and the way to the help; a violation exits 1 with the scenario saved and the command to replay it; a run
// that finds nothing exits 0, "verified to depth K".

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeArgs } from '../bin.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPTH, MAX_DEPTH, parseExploreArgs, UsageError } from '../../src/explore/args.ts';
import { scratchDir } from './helpers.ts';

const cli = (args: string[]) => spawnSync(process.execPath, [...nodeArgs('src/cli/explore.ts'), ...args], { encoding: 'utf8', timeout: 120_000 });

describe('explore options', () => {
  it.each([
    [[], /--claim: say what to explore/],
    [['--claim', 'Q146791-Z9'], /--claim: no claim or invariant "Q146791-Z9"/],
    [['--article', 'Q000000'], /--article: no article "Q000000"/],
    [['--all', '--version', '6.0'], /--version: no release "6.0"/],
    [['--claim', 'Q168139-C1', '--version', '4.0'], /--version: none of the claims selected is checked on 4.0/],
    [['--all', '--depth', 'deep'], /--depth: "deep" is not a whole number/],
    [['--all', '--depth', '99'], /--depth: 99 is out of range \(0 to 64\)/],
    [['--all', '--budget', '0'], /--budget: "0" is not a number of seconds/],
    [['--all', '--budget', 'soon'], /--budget: "soon" is not a number of seconds/],
    [['--all', '--alphabet', 'some'], /--alphabet: "some" is neither scenario nor full/],
    [['--all', '--only', 'disk.fill:half'], /--only: no letter or operation "disk.fill:half"/],
    [['--all', '--variant', 'nonesuch'], /--variant: no model variant "nonesuch"/],
    [['--all', '--reading', 'lowDisk'], /--reading: "lowDisk" is not ID=ALTERNATIVE/],
    [['--all', '--reading', 'lowDisk=never'], /--reading: "never" is not an alternative of lowDisk/],
    [['--all', '--workers', 'two'], /--workers: "two" is not a whole number/],
    [['--all', '--scenarios', ' '], /--scenarios: needs a path/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseExploreArgs(argv)).toThrow(UsageError);
    expect(() => parseExploreArgs(argv)).toThrow(message);
  });

  it('accepts the documented forms, with their defaults', () => {
    expect(parseExploreArgs(['--claim', 'Q146791-S1'])).toMatchObject({ claims: ['Q146791-S1'], depth: DEFAULT_DEPTH, budget: null, prune: true, alphabet: { alphabet: 'scenario', only: [] }, scenarios: 'reports/scenarios' });
    expect(parseExploreArgs(['--article', '168139', '--version', '5.0 SP0', '--budget', '30', '--no-prune', '--workers', '0', '--alphabet', 'full', '--only', 'heal', '--reading', 'lowDisk=write-fails']))
      .toMatchObject({ articles: ['Q168139'], versions: ['5.0 SP0'], budget: 30, depth: MAX_DEPTH, prune: false, workers: 0, alphabet: { alphabet: 'full', only: ['heal'] }, readings: { lowDisk: 'write-fails' } });
  });
});

describe('npm run explore', () => {
  it('exits 2 with a line naming the option, and the way to the help', () => {
    const r = cli(['--claim', 'Q146791-S1', '--depth', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('explore: --depth: "x" is not a whole number\n(npm run explore -- --help for the options)\n');
    expect(r.stdout).toBe('');
  });

  it('exits 0, verified to depth K, when every history holds', () => {
    const r = cli(['--claim', 'Q146791-S1', '--only', 'disk.fill:below-reserve', '--only', 'smtp.deliver:good', '--depth', '2', '--workers', '0', '--scenarios', scratchDir()]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Q146791-S1 on 4\.0 SP0: verified to depth 2\n/);
    expect(r.stdout).toMatch(/\nverified to depth 2: 7 histories judged, \d+ distinct states, [\d,]+ histories\/s, [\d,]+ distinct states\/s/);
  });

  it('exits 1 with the shortest counterexample saved and the command to replay it', () => {
    const dir = scratchDir();
    const r = cli(['--claim', 'Q146791-S1', '--variant', 'imc-ignores-disk-reserve', '--only', 'disk.fill:below-reserve', '--only', 'smtp.deliver:good', '--only', 'time.pass:poll', '--depth', '4', '--workers', '0', '--scenarios', dir, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.format).toBe('ims-harness/explore@1');
    const t = report.tasks[0];
    expect(t.counterexample).toMatchObject({ depth: 2, steps: ['disk.fill:below-reserve', 'smtp.deliver:good'], claim: 'Q146791-S1' });
    expect(t.counterexample.scenario).toBe(join(dir, 'Q146791-S1-4.0-SP0-imc-ignores-disk-reserve.json'));
    expect(existsSync(t.counterexample.scenario)).toBe(true);
    expect(JSON.parse(readFileSync(t.counterexample.scenario, 'utf8')).origin).toMatchObject({ kind: 'failure', claim: 'Q146791-S1', variant: 'imc-ignores-disk-reserve', minimal: true, path: 'explore: disk.fill:below-reserve smtp.deliver:good' });
    const text = cli(['--claim', 'Q146791-S1', '--variant', 'imc-ignores-disk-reserve', '--only', 'disk.fill:below-reserve', '--only', 'smtp.deliver:good', '--depth', '2', '--workers', '0', '--scenarios', dir]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`replay: npm run replay -- ${t.counterexample.scenario}\n`);
    const replayed = spawnSync(process.execPath, [...nodeArgs('src/cli/replay.ts'), t.counterexample.scenario], { encoding: 'utf8' });
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain('violated Q146791-S1');
  });
});
