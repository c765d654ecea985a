// What npm start and npm run merge print: the verdict table, the interpretation matrix and the
// summary (the ledger only with --ledger, always in the reports); the releases that ran, not
// the claim's versions; and a merged report that says how it was split.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { mergeReports } from '../../src/campaign/merge.ts';
import { releasesText, render } from '../../src/campaign/render.ts';
import { options } from '../campaign/helpers.ts';
import { tsx } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ims-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the default output of npm start', () => {
  it('is the verdict table, the matrix and the summary; the ledger comes with --ledger and is always in the JSON', () => {
    const common = ['--claim', 'Q231737-R1', '--version', '5.5', '--runs', '3', '--workers', '0', '--scenarios', join(dir, 'sc')];
    const plain = tsx('src/cli/campaign.ts', [...common, '--report', join(dir, 'plain.json')]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^Claims \(seed 20261121, 3 runs per property per release, default readings, only 5\.5\)\n/);
    expect(plain.stdout).toContain('Interpretation matrix: ');
    expect(plain.stdout).toMatch(/\nUnder the default readings: /);
    expect(plain.stdout).not.toContain('Assumption ledger');
    expect(plain.stdout).not.toContain('why: ');
    const json = JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8'));
    expect(json.assumptions.length).toBeGreaterThan(5);
    expect(json.interpretations.length).toBeGreaterThan(5);

    const ledger = tsx('src/cli/campaign.ts', [...common, '--report', join(dir, 'ledger.json'), '--ledger']);
    expect(ledger.status, ledger.stderr).toBe(0);
    expect(ledger.stdout).toMatch(/^Assumption ledger: what the model does that no article states\n/);
    expect(ledger.stdout).toContain('\nInterpretations: where the articles are silent or disagree');
    // The rest is the same as without --ledger (but for the time taken and the report's name).
    const rest = (text: string) => text.replace(/ in \d+\.\d s on no workers \(\d[\d,]* steps\/s\)/, '').replaceAll('ledger.', 'plain.');
    expect(rest(ledger.stdout.slice(ledger.stdout.indexOf('\nClaims (') + 1))).toBe(rest(plain.stdout));
  }, 60_000);
});

describe('the Releases column', () => {
  it('shows the releases that ran, compactly, in the catalogue order', () => {
    expect(releasesText(['5.5 SP0', '4.0 SP0', '5.0 SP2', '5.0 SP0', '5.0 SP1'])).toBe('4.0 SP0, 5.0 SP0-SP2, 5.5 SP0');
    expect(releasesText(['5.5 SP3', '5.5 SP0'])).toBe('5.5 SP0, SP3');
    expect(releasesText(['5.5 SP3', '5.5 SP4'])).toBe('5.5 SP3, SP4');
  });

  it('narrows with --version, while the JSON keeps the claim\'s own versions', async () => {
    const report = await runCampaign(options({ claims: ['Q231737-R1'], versions: ['5.5'], runs: 3 }));
    const row = report.claims.find((c) => c.id === 'Q231737-R1')!;
    expect(row.versions).toEqual(['4.0', '5.0', '5.5']);
    expect(row.releases).toEqual(['5.5 SP0']);
    const text = render(report, null);
    expect(text).toMatch(/\nID +Article +Section +Releases +Runs +Steps +Coverage +Verdict\n/);
    expect(text).toMatch(/\nQ231737-R1 +Q231737 +RESOLUTION +5\.5 SP0 +3 /);
    expect(text).not.toMatch(/\nQ231737-R1 .*4\.0/);
    const all = render(await runCampaign(options({ claims: ['Q231737-R1'], runs: 2 })), null);
    expect(all).toMatch(/\nQ231737-R1 +Q231737 +RESOLUTION +4\.0 SP0, 5\.0 SP0-SP2, 5\.5 SP0 +10 /);
  }, 60_000);
});

describe('a merged report', () => {
  it('says it was merged from its shards, with their tasks and workers, not the workers added up', async () => {
    const o = options({ articles: ['Q246115'], runs: 2 });
    const shards = await Promise.all([1, 2].map((index) => runCampaign({ ...o, shard: { index, count: 2 }, workers: 0 })));
    const twoEach = shards.map((s) => ({ ...s, timings: { ...s.timings, workers: 2 } }));
    const merged = mergeReports([twoEach[1]!, twoEach[0]!]);
    expect(merged.timings.shards?.map((s) => [s.shard, s.tasks, s.workers])).toEqual([['1/2', 5, 2], ['2/2', 5, 2]]);
    const line = render(merged, 'all.json').split('\n').find((l) => l.startsWith('10 tasks'));
    expect(line).toMatch(/^10 tasks, \d[\d,]* runs, \d[\d,]* steps, merged from 2 shards of 5 tasks each, on 2 workers each \(the longest took \d+\.\d s\); report: all\.json$/);
    expect(line).not.toContain('4 workers');

    const uneven = mergeReports([{ ...shards[0]!, timings: { ...shards[0]!.timings, workers: 1 } }, { ...shards[1]!, timings: { ...shards[1]!.timings, workers: 3 } }]);
    expect(render(uneven, null)).toMatch(/merged from 2 shards of 5 tasks each, on 1 and 3 workers \(the longest/);
    expect(render(mergeReports(shards), null)).toMatch(/merged from 2 shards of 5 tasks each, each in its main thread \(/);
  }, 60_000);
});
