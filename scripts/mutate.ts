// npm run mutate [-- --scope PATH ...]: how adequate the properties are, measured by StrykerJS.
// Mutants of the model (src/model, src/mail) are judged by test/properties/ alone
// (vitest.mutate.config.ts), with fewer generated runs than npm test, and no counterexample is
// reduced or saved (IMS_SCENARIOS=none). Incremental: a mutant whose code and covering tests did
// not change keeps its earlier result (reports/mutation/incremental.json). See stryker.config.mjs.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assignRows, readTriage } from './triage.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_DIR = 'reports/mutation';
const JSON_REPORT = `${REPORT_DIR}/mutation.json`;
const HTML_REPORT = `${REPORT_DIR}/mutation.html`;
const INCREMENTAL = `${REPORT_DIR}/incremental.json`;
/** What the incremental results were judged with (see retestSurvivorsIfJudgeChanged). */
const JUDGE_STAMP = `${REPORT_DIR}/incremental.judge.json`;
/** Every surviving mutant's triage, committed: a table row per mutant (see the file's head). */
const TRIAGE = 'mutation/triage.md';
const MUTABLE = ['src/model', 'src/mail'];
/** Files under MUTABLE that are never mutated, whatever the scope, and why. */
const NOT_MUTATED: Readonly<Record<string, string>> = {
  'src/model/assumptions.ts': 'the ledger of assumptions: prose the README and the reports show, which the model never reads (its 121 mutants were all strings no history can see)',
};
const DEFAULT_RUNS = 30;

const USAGE = `Usage: npm run mutate -- [options]

Mutation testing of the model with StrykerJS: each mutant of src/model and src/mail is judged by
the properties alone (test/properties/). Incremental: results of mutants whose code and
covering tests did not change are reused from ${INCREMENTAL}.

Options:
  --scope PATH      what to mutate: a file, a folder, a glob, or file.ts:FROM-TO (lines), under
                    src/model or src/mail; repeat it or separate with commas.
                    Default: all of src/model and src/mail (about 2,700 mutants, hours).
                    Never mutated: ${Object.keys(NOT_MUTATED).join(', ')} (prose the model never reads).
  --runs N          generated runs per property and release (default ${DEFAULT_RUNS}, or IMS_RUNS).
                    Changing it renames every test, so every mutant in scope is tested again.
  --concurrency N   Stryker test runner processes (default 1; the type checker runs beside them).
  --force           test every mutant in scope again, ignoring the incremental results.
  --retest-timeouts test the timed-out mutants again: a time-out on a loaded machine is not
                    always a kill.
  --dry-run         instrument and run the properties once (no mutant is tested): counts mutants.
  --summary         print the last report's numbers and survivors for the scope, each with its
                    verdict in mutation/triage.md (and the score without those it sets aside
                    as equivalent or unobservable); runs nothing.
  -h, --help        this text.

Reports: ${JSON_REPORT} (mutation-testing-elements JSON), ${HTML_REPORT}.
Examples:
  npm run mutate -- --scope src/model/store.ts
  npm run mutate -- --scope src/model/ims --scope src/mail/tnef.ts
  npm run mutate -- --scope src/model/store.ts:60-120 --force`;

interface Options {
  readonly scope: string[];
  readonly runs: number;
  readonly concurrency: number;
  readonly force: boolean;
  readonly retestTimeouts: boolean;
  readonly dryRun: boolean;
  readonly summary: boolean;
}

function fail(message: string): never {
  console.error(`npm run mutate: ${message}\n(npm run mutate -- --help for usage)`);
  process.exit(2);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

function parse(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        scope: { type: 'string', multiple: true },
        runs: { type: 'string' },
        concurrency: { type: 'string' },
        force: { type: 'boolean' },
        'retest-timeouts': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        summary: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const scope = (v.scope ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  return {
    scope: [...(scope.length > 0 ? scope.map(scopeGlob) : MUTABLE.map((dir) => `${dir}/**/*.ts`)), ...Object.keys(NOT_MUTATED).map((f) => `!${f}`)],
    runs: positiveInt('--runs', v.runs ?? process.env.IMS_RUNS, DEFAULT_RUNS),
    concurrency: positiveInt('--concurrency', v.concurrency, 1),
    force: v.force ?? false,
    retestTimeouts: v['retest-timeouts'] ?? false,
    dryRun: v['dry-run'] ?? false,
    summary: v.summary ?? false,
  };
}

const posix = (p: string) => p.split(sep).join('/');

/** One --scope entry as a Stryker `mutate` pattern: a folder becomes folder/**\/*.ts. */
function scopeGlob(entry: string): string {
  const range = /^(.*\.ts):\d+(?::\d+)?-\d+(?::\d+)?$/.exec(entry);
  const path = range ? range[1]! : entry;
  const rel = posix(relative(ROOT, resolve(ROOT, path)));
  if (!MUTABLE.some((dir) => rel === dir || rel.startsWith(`${dir}/`))) fail(`--scope ${entry}: only src/model and src/mail are mutated`);
  if (/[*?{}[\]!]/.test(rel)) return rel; // a glob: Stryker expands it
  if (!existsSync(resolve(ROOT, rel))) fail(`--scope ${entry}: no such file or folder`);
  if (statSync(resolve(ROOT, rel)).isDirectory()) return `${rel.replace(/\/$/, '')}/**/*.ts`;
  if (!rel.endsWith('.ts')) fail(`--scope ${entry}: not a TypeScript file`);
  return range ? `${rel}${entry.slice(range[1]!.length)}` : rel;
}

/** Whether a report's file (relative to the root) is inside the scope (line ranges: the whole file). */
function inScope(file: string, scope: readonly string[]): boolean {
  if (scope.some((pattern) => pattern === `!${file}`)) return false;
  return scope.filter((pattern) => !pattern.startsWith('!')).some((pattern) => {
    const p = pattern.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '');
    if (!/[*?{}[\]!]/.test(p)) return file === p;
    return globRegExp(p).test(file);
  });
}

/** A Stryker-style glob (**, *, ?, {a,b}) as a regular expression; enough for a scope's summary. */
function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file whose content decides a verdict, other than the mutated model itself. */
function judgeFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
      const p = `${dir}/${d.name}`;
      return d.isDirectory() ? walk(p) : [p];
    });
  const dirs = ['properties', 'src/harness', 'src/faults'];
  return [...dirs.flatMap(walk), 'test/properties/check.ts', 'test/properties/4.0.test.ts', 'test/properties/5.0.test.ts', 'test/properties/5.5.test.ts', 'vitest.mutate.config.ts', 'stryker.config.mjs', 'package-lock.json'].sort();
}

function judgeFingerprint(runs: number): string {
  const h = createHash('sha256');
  h.update(`runs ${runs} seed ${process.env.IMS_SEED ?? ''}\n`);
  for (const f of judgeFiles()) h.update(`${f}\n`).update(readFileSync(resolve(ROOT, f)));
  return h.digest('hex');
}

/**
 * Stryker reuses a surviving mutant's result unless a test that covers it is new. A property is
 * code under properties/, not a new test, so strengthening one would not retest the survivors.
 * When the judge (properties, harness, generators, the test, the configs) changed since the
 * incremental results were written, forget which tests covered each survivor: Stryker then sees
 * its covering tests as new and tests it again. Killed mutants keep their result (--force for all).
 */
function retestSurvivorsIfJudgeChanged(fingerprint: string): void {
  const incremental = resolve(ROOT, INCREMENTAL);
  if (!existsSync(incremental)) return;
  let stamp: string | undefined;
  try {
    stamp = (JSON.parse(readFileSync(resolve(ROOT, JUDGE_STAMP), 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    stamp = undefined;
  }
  if (stamp === fingerprint) return;
  const reset = forget(['Survived', 'NoCoverage']);
  console.log(`The properties, harness or configuration changed since ${INCREMENTAL}: its ${reset} surviving or uncovered mutant(s) will be tested again.`);
}

/** Has Stryker test the incremental results' mutants of these statuses again (their covering tests look new to it). */
function forget(statuses: readonly string[]): number {
  const incremental = resolve(ROOT, INCREMENTAL);
  if (!existsSync(incremental)) return 0;
  const report = JSON.parse(readFileSync(incremental, 'utf8')) as { files: Record<string, { mutants: { status: string; coveredBy?: string[] }[] }> };
  let reset = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (statuses.includes(m.status)) {
        m.coveredBy = [];
        reset += 1;
      }
    }
  }
  writeFileSync(incremental, JSON.stringify(report));
  return reset;
}

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
interface ReportMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: Status;
  readonly location: { readonly start: Position; readonly end: Position };
}
interface Position {
  readonly line: number;
  readonly column: number;
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>;
}

/** The text a mutant replaces (report locations: lines and columns both count from 1). */
function original(source: string, { start, end }: { readonly start: Position; readonly end: Position }): string {
  const lines = source.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return source.slice(offset(start), offset(end));
}

function short(code: string): string {
  const flat = code.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

function summarise(scope: readonly string[]): void {
  const path = resolve(ROOT, JSON_REPORT);
  if (!existsSync(path)) {
    console.log(`No report at ${path}.`);
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const triagePath = resolve(ROOT, TRIAGE);
  const rows = existsSync(triagePath) ? readTriage(readFileSync(triagePath, 'utf8')) : [];
  const counts = new Map<Status, number>();
  // The files reported here, to tell which of their rows no survivor uses any more.
  const reported = new Set<string>();
  const alive: { file: string; m: ReportMutant; original: string; replacement: string }[] = [];
  for (const [name, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const rel = posix(relative(ROOT, resolve(ROOT, name)));
    if (!inScope(rel, scope)) continue;
    reported.add(rel);
    for (const m of file.mutants) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    const here = file.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
    here.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    alive.push(...here.map((m) => ({ file: rel, m, original: short(original(file.source, m.location)), replacement: short(m.replacement ?? '') })));
  }
  const keyOf = ({ file, m }: (typeof alive)[number]) => `${file} ${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
  const { rowOf, unused } = assignRows(
    rows.filter((r) => reported.has(r.key.slice(0, r.key.indexOf(' ')))),
    alive.map((a) => ({ key: keyOf(a), original: a.original, replacement: a.replacement })),
  );
  let excluded = 0;
  const verdicts = new Map<string, number>();
  const survivors: string[] = [];
  const untriaged: string[] = [];
  alive.forEach((a, i) => {
    const t = rowOf[i];
    if (i === 0 || alive[i - 1]!.file !== a.file) survivors.push(`  ${a.file}`);
    if (t && (t.verdict === 'equivalent' || t.verdict === 'unobservable')) excluded += 1;
    if (t) verdicts.set(t.verdict, (verdicts.get(t.verdict) ?? 0) + 1);
    else untriaged.push(keyOf(a));
    const { line, column } = a.m.location.start;
    const status = a.m.status === 'NoCoverage' ? 'no coverage' : 'survived';
    survivors.push(`    ${line}:${column} ${status} ${a.m.mutatorName}: ${a.original} -> ${a.replacement}  [${t ? t.verdict : 'NOT TRIAGED'}]`);
  });
  const n = (s: Status) => counts.get(s) ?? 0;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const detected = n('Killed') + n('Timeout');
  const valid = detected + n('Survived') + n('NoCoverage');
  const percent = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)}%`);
  console.log(`\nIn scope (${scope.join(', ')}): ${reported.size} file(s), ${total} mutant(s)`);
  console.log(`  killed ${n('Killed')}, survived ${n('Survived')}, no coverage ${n('NoCoverage')}, timed out ${n('Timeout')}, compile errors ${n('CompileError')}, runtime errors ${n('RuntimeError')}, ignored (static) ${n('Ignored')}`);
  console.log(`  mutation score ${percent(detected, valid)} (killed + timed out, of killed + timed out + survived + no coverage)`);
  console.log(`  of the mutants not triaged as equivalent or unobservable (${TRIAGE}): ${percent(detected, valid - excluded)} (${excluded} set aside)`);
  if (verdicts.size > 0) console.log(`  survivors by verdict: ${[...verdicts].sort(([a], [b]) => a.localeCompare(b)).map(([v, k]) => `${v} ${k}`).join(', ')}`);
  if (alive.length > 0) console.log(`Surviving and uncovered mutants (${n('Survived') + n('NoCoverage')}), file, line:column, mutator, original -> replacement [triage]:\n${survivors.join('\n')}`);
  if (untriaged.length > 0) console.log(`Not in ${TRIAGE} (${untriaged.length}):\n${untriaged.map((u) => `  ${u}`).join('\n')}`);
  if (unused.length > 0) console.log(`Rows of ${TRIAGE} that no surviving mutant here uses (killed since, or the code moved) (${unused.length}):\n${unused.map((u) => `  ${u.key}: ${u.change}`).join('\n')}`);
  console.log(`Reports: ${path}\n         ${resolve(ROOT, HTML_REPORT)}`);
}

function main(): number {
  const options = parse(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.summary) {
    summarise(options.scope);
    return 0;
  }
  const fingerprint = judgeFingerprint(options.runs);
  if (!options.dryRun && !options.force) retestSurvivorsIfJudgeChanged(fingerprint);
  if (!options.dryRun && !options.force && options.retestTimeouts) console.log(`${forget(['Timeout'])} timed-out mutant(s) of ${INCREMENTAL} will be tested again.`);
  const args = [
    resolve(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'),
    'run',
    'stryker.config.mjs',
    '--concurrency',
    String(options.concurrency),
    ...(options.force ? ['--force'] : []),
    ...(options.dryRun ? ['--dryRunOnly'] : []),
  ];
  const env = {
    ...process.env,
    IMS_RUNS: String(options.runs),
    IMS_SCENARIOS: 'none',
    // The scope goes to stryker.config.mjs as JSON: a glob may hold commas, which --mutate splits on.
    IMS_MUTATE: JSON.stringify(options.scope),
  };
  console.log(`Mutating ${options.scope.join(', ')}; properties at ${options.runs} runs each; concurrency ${options.concurrency}${options.force ? '; --force' : ''}${options.dryRun ? '; dry run only' : ''}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nStryker ${result.status === 0 ? 'finished' : `exited with ${result.status ?? result.signal}`} after ${Math.floor(seconds / 60)} min ${seconds % 60} s (wall clock).`);
  if (result.status !== 0) return result.status ?? 1;
  if (options.dryRun) return 0;
  writeFileSync(resolve(ROOT, JUDGE_STAMP), `${JSON.stringify({ fingerprint, runs: options.runs, written: new Date().toISOString() }, null, 2)}\n`);
  summarise(options.scope);
  return 0;
}

process.exitCode = main();
