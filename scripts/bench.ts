// npm run bench [-- --no-test] [--steps N]: how fast the model and the harness are. (a) model
// steps per second on one thread, memfs volume included; (b) the harness's overhead over the
// bare model; (c) worker scaling; (d) time to detect each falsifiability variant; (e) the wall time of npm
// test and of npm run test:tools; (f) long histories; (g) exploration's distinct states per second. --help
// prints the usage and runs nothing; a bad option exits 2.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as fc from 'fast-check';
import { ops } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { checkProperty } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { run } from '../src/harness/run.ts';
import { DEFAULT_INTERPRETATIONS, withReadings } from '../src/model/interpretations.ts';
import { RELEASES, releaseName } from '../src/model/release.ts';
import { planCampaign } from '../src/campaign/plan.ts';
import { runTasks } from '../src/campaign/pool.ts';
import { table } from '../src/campaign/render.ts';
import { PROPERTIES, property } from '../properties/index.ts';
import { VARIANTS } from '../properties/variants/index.ts';
import { exploreTask } from '../src/explore/explore.ts';
import { inlinePool } from '../src/explore/pool.ts';
import { taskSpec } from '../src/explore/tasks.ts';

const SEED = 20261121;

const USAGE = `Usage: npm run bench -- [--no-test] [--steps N]

Measures, on this machine: (a) model steps per second on one thread, memfs volume included;
(b) the harness's overhead per step over the bare model; (c) worker scaling on the main
table's tasks; (d) the time to detect each falsifiability variant; (e) the wall time of npm test and of npm run test:tools; (f) the cost
of one long history replayed from a file, at 1k, 10k and 100k steps; (g) exploration's histories and
distinct states per second in the main thread.
Prints tables on stdout and writes no file of its own ((e) runs npm test, which writes what it
always writes). Takes a few minutes.

  --no-test   skip (e), the test suites' wall times
  --steps N   model steps per release in (a) (default 30,000)
  --help      this text`;

/** The options, or what to do instead: print the usage (exit 0) or refuse them (exit 2). */
function options(argv: string[]): { test: boolean; steps: number } | { exit: 0 | 2; text: string } {
  const refuse = (message: string) => ({ exit: 2 as const, text: `bench: ${message}\n(npm run bench -- --help for the options)\n` });
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { 'no-test': { type: 'boolean' }, steps: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return refuse((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (values.help) return { exit: 0, text: `${USAGE}\n` };
  if (values.steps !== undefined && (!/^\d+$/.test(values.steps.trim()) || !Number.isSafeInteger(Number(values.steps)) || Number(values.steps) < 1)) return refuse(`--steps: "${values.steps}" is not a whole number from 1`);
  return { test: !values['no-test'], steps: Number(values.steps ?? 30_000) };
}

const OPTIONS = options(process.argv.slice(2));
const STEPS = 'steps' in OPTIONS ? OPTIONS.steps : 0;
/** The lengths of (f)'s long histories. */
const LONG = [1_000, 10_000, 100_000];

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
};

function modelThroughput(): void {
  console.log(`(a) The model alone on one thread: generated scenarios run through run(), memfs volume included, ${fmt(STEPS)} steps per release`);
  // Warm the JIT first, or the first release pays for it.
  for (const scenario of fc.sample(ops(RELEASES[0]!, { minLength: 10, maxLength: 40, size: 'max' }), { seed: SEED + 1, numRuns: 300 })) run({ release: RELEASES[0]!, ops: scenario });
  const rows = [['Release', 'Scenarios', 'Steps', 'ms', 'steps/s']];
  let steps = 0;
  let ms = 0;
  for (const release of RELEASES) {
    const scenarios = fc.sample(ops(release, { minLength: 10, maxLength: 40, size: 'max' }), { seed: SEED, numRuns: Math.ceil(STEPS / 10) });
    let s = 0;
    let n = 0;
    const [, t] = timed(() => {
      for (const scenario of scenarios) {
        if (s >= STEPS) break;
        run({ release, ops: scenario });
        s += scenario.length;
        n += 1;
      }
    });
    rows.push([releaseName(release), fmt(n), fmt(s), fmt(t), fmt((s / t) * 1000)]);
    steps += s;
    ms += t;
  }
  rows.push(['all', '', fmt(steps), fmt(ms), fmt((steps / ms) * 1000)]);
  console.log(table(rows, new Set([1, 2, 3, 4])));
  console.log(`model: ${fmt((steps / ms) * 1000)} steps/s per core\n`);
}

function harnessOverhead(): void {
  const numRuns = 50;
  console.log(`(b) The harness over the bare model: every property on its first release, ${numRuns} runs, checked with fast-check vs. the same scenarios run bare`);
  let checked = { steps: 0, ms: 0 };
  let bare = { steps: 0, ms: 0 };
  let same = true;
  for (const p of PROPERTIES) {
    const release = releasesOf(p.claims)[0]!;
    const [result, tc] = timed(() => checkProperty(p, { release, seed: SEED, numRuns }));
    const scenarios: Op[][] = fc.sample(p.scenario(release, DEFAULT_INTERPRETATIONS), { seed: SEED, numRuns });
    const [steps, tb] = timed(() => scenarios.reduce((n, scenario) => n + run({ release, ops: scenario }).steps.length, 0));
    same &&= steps === result.steps;
    checked = { steps: checked.steps + result.steps, ms: checked.ms + tc };
    bare = { steps: bare.steps + steps, ms: bare.ms + tb };
  }
  const perStep = (x: { steps: number; ms: number }) => (x.ms * 1000) / x.steps;
  console.log(table([
    ['', 'Steps', 'ms', 'µs/step', 'steps/s'],
    ['checked (fast-check + checkers)', fmt(checked.steps), fmt(checked.ms), fmt(perStep(checked), 1), fmt((checked.steps / checked.ms) * 1000)],
    ['bare (run() only)', fmt(bare.steps), fmt(bare.ms), fmt(perStep(bare), 1), fmt((bare.steps / bare.ms) * 1000)],
  ], new Set([1, 2, 3, 4])));
  console.log(`harness overhead: ${fmt((perStep(checked) / perStep(bare) - 1) * 100)}% per step${same ? '' : ' (the sampled scenarios differ from the checked ones; compare per step)'}\n`);
}

async function workerScaling(): Promise<void> {
  const runs = 100;
  const tasks = planCampaign({ seed: SEED, runs, articles: [], claims: [], versions: [], matrix: false, matrixScope: 'articles', variant: null });
  console.log(`(c) Worker scaling: the main table's ${tasks.length} tasks at ${runs} runs in the main thread and on 1 and 2 worker processes (startup included; workers start cold, the main thread is warm from (a) and (b)); this machine has ${availableParallelism()} CPUs`);
  const measured = new Map<number, { ms: number; steps: number; cpu: number }>();
  for (const workers of [0, 1, 2]) {
    const t = performance.now();
    // The whole machine's busy time: the workers are processes of their own, which this process's own usage leaves out.
    const cpu = machineBusyMs();
    const results = await runTasks(tasks, { workers });
    const ms = performance.now() - t;
    const steps = results.reduce((n, r) => n + (r.outcome.status === 'done' ? r.outcome.steps : 0), 0);
    measured.set(workers, { ms, steps, cpu: (machineBusyMs() - cpu) / ms });
  }
  const base = measured.get(1)!.ms;
  const rows = [['Workers', 'Wall ms', 'Steps', 'steps/s', 'vs 1 worker', 'CPUs busy (machine)']];
  for (const [workers, b] of measured) rows.push([workers ? String(workers) : '0 (main thread)', fmt(b.ms), fmt(b.steps), fmt((b.steps / b.ms) * 1000), `${fmt(base / b.ms, 2)}x`, fmt(b.cpu, 2)]);
  console.log(`${table(rows, new Set([1, 2, 3, 4, 5]))}\n`);
}

/** Milliseconds every CPU of the machine has spent busy since boot (all but idle and I/O wait). */
function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

function detection(): void {
  const numRuns = 300;
  console.log(`(d) Time to detect each falsifiability variant: releases in order, up to ${numRuns} runs each, until the first failure`);
  const rows = [['Variant', 'Property', 'Release', 'Runs', 'ms', 'Shrunk', 'Claim']];
  for (const v of VARIANTS) {
    for (const name of v.breaks) {
      const p = property(name);
      const readings = withReadings(v.readings ?? {});
      let runs = 0;
      let ms = 0;
      let found: string[] | undefined;
      for (const release of releasesOf(p.claims)) {
        const [r, t] = timed(() => checkProperty(p, { release, readings, variant: v.parts ? { parts: v.parts } : {}, seed: SEED, numRuns }));
        runs += r.runs;
        ms += t;
        if (r.failure) {
          found = [releaseName(release), fmt(runs), fmt(ms), String(r.failure.ops.length), r.failure.verdict.claim];
          break;
        }
      }
      rows.push([v.name, name.split(' ')[0]!, ...(found ?? ['not found', fmt(runs), fmt(ms), '', ''])]);
    }
  }
  console.log(`${table(rows, new Set([3, 4, 5]))}\n`);
}

/** (f) One long history replayed from a scenario file, at three lengths, each in a process of its own (scripts/longRun.ts). */
function longHistories(): void {
  console.log('(f) Long histories: a scenario file of N random steps (every operation), loaded, replayed and judged by every law, each in a fresh process');
  const rows = [['Steps', 'Load ms', 'Replay ms', 'µs/step', 'Peak MiB', 'Laws']];
  const perStep: number[] = [];
  for (const steps of LONG) {
    const r = spawnSync('npx', ['tsx', 'scripts/longRun.ts', String(steps)], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      rows.push([fmt(steps), 'failed', r.stderr.trim().split('\n').at(-1) ?? '', '', '', '']);
      continue;
    }
    const m = JSON.parse(line) as { loadMs: number; replayMs: number; peakRssMiB: number; laws: { law: string; holds: boolean }[] };
    perStep.push((m.replayMs * 1000) / steps);
    rows.push([fmt(steps), fmt(m.loadMs), fmt(m.replayMs), fmt(perStep.at(-1)!, 1), fmt(m.peakRssMiB), m.laws.map((l) => `${l.law} ${l.holds ? 'holds' : 'VIOLATED'}`).join(', ')]);
  }
  console.log(table(rows, new Set([0, 1, 2, 3, 4])));
  if (perStep.length === LONG.length) console.log(`time per step at ${fmt(LONG.at(-1)!)} steps over time per step at ${fmt(LONG[0]!)}: ${fmt(perStep.at(-1)! / perStep[0]!, 2)}x (linear when near 1)\n`);
}

/** (g) Breadth-first exploration of a few claims, 10 s each, in the main thread (npm run explore's work, without workers). */
async function exploration(): Promise<void> {
  const claims: [string, string][] = [['Q146791-S1', '4.0 SP0'], ['Q168139-C1', '5.0 SP0'], ['Q293288-R3', '5.5 SP3'], ['INV-1', '5.0 SP0']];
  console.log('(g) Exploration: every history of the claim\'s scenario alphabet, breadth first, 10 s per claim in the main thread, states merged by fingerprint and monitors');
  const rows = [['Claim', 'Release', 'Depth verified', 'Histories', 'Distinct states', 'Histories/s', 'Distinct states/s']];
  const scenarios = mkdtempSync(join(tmpdir(), 'bench-explore-'));
  let histories = 0;
  let distinct = 0;
  let ms = 0;
  for (const [claim, release] of claims) {
    const spec = taskSpec(claim, release, { depth: 64, prune: true, variant: null, readings: {}, alphabet: { alphabet: 'scenario', only: [] } });
    const t = performance.now();
    const { task } = await exploreTask(spec, { pool: inlinePool(), scenarios, progress: null, budgetMs: 10_000 });
    const took = performance.now() - t;
    histories += task.histories;
    distinct += task.distinct;
    ms += took;
    rows.push([claim, release, String(task.verifiedDepth), fmt(task.histories), fmt(task.distinct), fmt((task.histories / took) * 1000), fmt((task.distinct / took) * 1000)]);
  }
  rmSync(scenarios, { recursive: true, force: true });
  console.log(table(rows, new Set([2, 3, 4, 5, 6])));
  console.log(`exploration: ${fmt((histories / ms) * 1000)} histories/s, ${fmt((distinct / ms) * 1000)} distinct states/s in one thread\n`);
}

function testSuite(): void {
  console.log('(e) npm test and npm run test:tools, wall time of each');
  for (const script of ['test', 'test:tools']) {
    const t = performance.now();
    const r = spawnSync('npm', ['run', '--silent', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - t;
    // eslint-disable-next-line no-control-regex
    const plain = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    const counts = /^\s*Tests\s+(.*)$/m.exec(plain)?.[1]?.trim() ?? 'no summary';
    console.log(`npm run ${script}: ${fmt(ms / 1000, 1)} s wall, exit ${r.status}; ${counts}`);
  }
  console.log('');
}

if ('exit' in OPTIONS) {
  (OPTIONS.exit ? process.stderr : process.stdout).write(OPTIONS.text);
  process.exitCode = OPTIONS.exit;
} else {
  modelThroughput();
  harnessOverhead();
  await workerScaling();
  detection();
  longHistories();
  await exploration();
  if (OPTIONS.test) testSuite();
}
