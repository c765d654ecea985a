// Every package.json script that is a command answers --help: exit 0, its usage on stdout,
// nothing on stderr, and nothing changed in the repository (no tracked file rewritten, even
// with the same bytes; no file added; no report written). The scripts that wrap a tool, and
// npm start, run as people run them (npm run NAME -- --help); the project's other commands,
// each `tsx <file>` in package.json, run from that file's bundle (test/bin.ts), which saves
// npm's and tsx's start-up for each. Each of this project's own commands refuses an unknown option with exit 2, a
// message naming it on stderr and a way to the help, and nothing on stdout.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envWith, REPO, tsx } from './helpers.ts';

const SCRIPTS = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** What each script's help starts with. A new script fails here until it is listed. */
const USAGE: Readonly<Record<string, RegExp>> = {
  start: /^Usage: npm start -- \[options\]\n/,
  merge: /^Usage: npm run merge -- SHARD\.json \.\.\. /,
  replay: /^usage: npm run replay -- <scenario\.json> /,
  'new-article': /^usage: npm run new-article -- <KB id> /,
  schema: /^Usage: npm run schema /,
  bench: /^Usage: npm run bench -- /,
  holes: /^Usage: npm run holes -- /,
  mutate: /^Usage: npm run mutate -- /,
  soak: /^usage: npm run soak -- \[options\]\n/,
  explore: /^Usage: npm run explore -- /,
  // Scripts that wrap a tool give the tool's own help.
  test: /^vitest\/\d[^\n]*\n\nUsage:\n/,
  'test:tools': /^vitest\/\d[^\n]*\n\nUsage:\n/,
  typecheck: /^tsc: The TypeScript Compiler/,
  screenshots: /^vitest\/\d[^\n]*\n\nUsage:\n/,
};

/** The commands of this project: `tsx <file>` scripts. */
const OWN = Object.entries(SCRIPTS).flatMap(([name, command]) => {
  const m = /^tsx (\S+\.ts)$/.exec(command);
  return m ? [[name, m[1]!] as const] : [];
});

/** Every tracked file's size and modification time, what git sees as changed or new, and the reports. */
function snapshot(): string {
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  const stats = tracked.map((f) => {
    const path = join(REPO, f);
    if (!existsSync(path)) return `${f} missing`;
    const s = statSync(path);
    return `${f} ${s.size} ${s.mtimeMs}`;
  });
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: REPO, encoding: 'utf8' }).stdout;
  // reports/ is ignored by git; the browser tests write reports/screenshots meanwhile.
  const reports = (dir: string): string[] =>
    existsSync(join(REPO, dir))
      ? readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
          const p = `${dir}/${e.name}`;
          if (p === 'reports/screenshots') return [];
          return e.isDirectory() ? reports(p) : [`${p} ${statSync(join(REPO, p)).mtimeMs}`];
        })
      : [];
  return [...stats, status, ...reports('reports')].join('\n');
}

describe('--help', () => {
  it('is known for every script in package.json', () => {
    expect(Object.keys(USAGE).sort()).toEqual(Object.keys(SCRIPTS).sort());
  });

  it.each(Object.keys(SCRIPTS))('npm run %s -- --help: exit 0, the usage on stdout, no side effect', (name) => {
    const before = snapshot();
    const own = OWN.find(([n]) => n === name && n !== 'start');
    const r = own ? tsx(own[1], ['--help']) : spawnSync('npm', ['run', '--silent', name, '--', '--help'], { cwd: REPO, encoding: 'utf8', env: envWith() });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(USAGE[name]!);
    expect(r.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
    expect(snapshot()).toBe(before);
  }, 60_000);
});

describe('an unknown option', () => {
  it.each(OWN)('%s (%s): exit 2, the option named on stderr with the way to the help, nothing on stdout', (name, file) => {
    const before = snapshot();
    const r = tsx(file, ['--no-such-option']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.split('\n');
    expect(first).toMatch(/Unknown option '--no-such-option'$/);
    // Either the hint to use --help, or the usage itself (replay, new-article).
    expect(second === '' ? r.stderr : second).toMatch(name === 'start' ? /npm start -- --help/ : new RegExp(`npm run ${name} -- (--help|<)`));
    expect(snapshot()).toBe(before);
  }, 60_000);
});
