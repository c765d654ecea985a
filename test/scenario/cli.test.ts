// npm run replay -- <file> [--json]: the timeline then the verdict on stdout, errors on
// stderr; exit 0 when the scenario behaves as its file says, 1 when not, 2 for a bad file or
// bad arguments. It writes nothing.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeArgs } from '../bin.ts';
import { describe, expect, it } from 'vitest';
import { main, USAGE } from '../../src/cli/replay.ts';
import { REPO, put, sample, scratch } from './helpers.ts';

const dir = scratch('cli');

function replayCli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** Names, sizes and modification times of everything in a directory. */
function listing(d: string): string[] {
  return readdirSync(d).map((n) => `${n} ${statSync(join(d, n)).size} ${statSync(join(d, n)).mtimeMs}`).sort();
}

describe('the replay command', () => {
  it('prints the timeline and the verdict, and exits 0 when the scenario behaves as the file says', () => {
    const r = replayCli(join(REPO, 'scenarios/Q246115-story.json'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Q246115 story: /);
    expect(r.out).toMatch(/verdict: behaves as the file says\n[^]*✓ 20 of 20 expectations met\n$/);
  });

  it('exits 1 when it does not, with the mismatches in the verdict', () => {
    const s = sample();
    const r = replayCli(put(dir, 'wrong.json', { ...s, steps: [...s.steps, { op: 'time.pass', seconds: 1, expect: { services: { MSExchangeIMC: 'Stopped' } } }] }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ steps[3] services.MSExchangeIMC: expected "Stopped", observed "Running"');
  });

  it('exits 1 for a file that says a property holds whose trigger it never reaches, and says "not reached" in the JSON', () => {
    const path = put(dir, 'no-steps.json', { ...sample(), steps: [] });
    expect(replayCli(path).code).toBe(1);
    const r = replayCli('--json', path);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out);
    expect(data.verdict.behaves).toBe(false);
    expect(data.verdict.judgements[0]).toMatchObject({ expected: 'holds', verdict: { holds: true }, reached: false, outcome: 'not reached', met: false });
  });

  it('gives the same as JSON with --json', () => {
    const r = replayCli('--json', join(REPO, 'scenarios/Q183178-story.json'));
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.release).toBe('5.5 SP0');
    expect(data.verdict.behaves).toBe(true);
    expect(data.steps[0].observations.some((o: { observation: { kind: string } }) => o.observation.kind === 'event')).toBe(true);
  });

  it('exits 2 for a bad file, naming the file and the place on stderr', () => {
    const path = put(dir, 'bad.json', '{ "format": "ims-harness/scenario@1", ');
    const r = replayCli(path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: the file ends too early`));
  });

  it('exits 2 with the usage for bad arguments, 0 for --help', () => {
    for (const args of [[], ['a.json', 'b.json'], ['--jsn', 'a.json']]) {
      const r = replayCli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(USAGE);
    }
    expect(replayCli('--help')).toMatchObject({ code: 0, out: USAGE });
  });

  it('writes nothing', () => {
    const path = put(dir, 'untouched.json', sample());
    const before = listing(dir);
    replayCli(path);
    replayCli('--json', path);
    expect(listing(dir)).toEqual(before);
  });

  it('runs as npm run replay (the script) and sets the exit status', () => {
    expect(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts.replay).toBe('tsx src/cli/replay.ts');
    const bad = spawnSync(process.execPath, [...nodeArgs('src/cli/replay.ts'), join(dir, 'nowhere.json')], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nowhere.json: no such file');
    expect(bad.stdout).toBe('');
  });
});
