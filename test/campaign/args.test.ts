// Bad options: a message naming the option and the problem, and exit code 2.

import { spawnSync } from 'node:child_process';
import { nodeArgs } from '../bin.ts';
import { describe, expect, it } from 'vitest';
import { parseCampaignArgs, UsageError } from '../../src/campaign/args.ts';
import { Progress } from '../../src/campaign/progress.ts';

describe('campaign options', () => {
  it.each([
    [['--runs', 'many'], /--runs: "many" is not a whole number/],
    [['--runs', '0'], /--runs: 0 is out of range/],
    [['--seed', '1.5'], /--seed: "1.5" is not a whole number/],
    [['--budget=-3'], /--budget: "-3" is not a number of seconds/],
    [['--budget', 'soon'], /--budget: "soon" is not a number of seconds/],
    [['--article', 'Q000000'], /--article: no article "Q000000"/],
    [['--claim', 'Q146791-Z9'], /--claim: no claim or invariant "Q146791-Z9"/],
    [['--version', '6.0'], /--version: no release "6.0"/],
    [['--workers', 'two'], /--workers: "two" is not a whole number/],
    [['--shard', '3/2'], /--shard: "3\/2" is not i\/n/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCampaignArgs(argv)).toThrow(UsageError);
    expect(() => parseCampaignArgs(argv)).toThrow(message);
  });

  it('accepts the documented forms', () => {
    const o = parseCampaignArgs(['--runs', '5', '--seed', '9', '--article', '168139', '--version', '5.0 SP1', '--shard', '2/4', '--no-matrix', '--workers', '0']);
    expect(o).toMatchObject({ runs: 5, seed: 9, articles: ['Q168139'], versions: ['5.0 SP1'], shard: { index: 2, count: 4 }, matrix: false, workers: 0 });
  });

  it('exits 2 with the message from the command line', () => {
    const r = spawnSync(process.execPath, [...nodeArgs('src/cli/campaign.ts'), '--runs', 'x'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('campaign: --runs: "x" is not a whole number');
    expect(r.stdout).toBe('');
  });
});

describe('progress line', () => {
  it('redraws in place on a terminal and writes plain lines elsewhere', () => {
    const tty: string[] = [];
    const p = new Progress(2, { isTTY: true, write: (t: string) => tty.push(t) });
    p.add(10, 80);
    p.finish();
    expect(tty[0]).toMatch(/^\r\x1b\[2Kcampaign: 1\/2 tasks, 10 runs, 80 steps, \d+\.\d s, [\d,]+ steps\/s$/);
    const log: string[] = [];
    const q = new Progress(2, { write: (t: string) => log.push(t) }, 60_000);
    q.add(1, 1);
    q.add(1, 1);
    q.finish();
    expect(log).toHaveLength(2);
    expect(log.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });
});
