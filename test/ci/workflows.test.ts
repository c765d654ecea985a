// The GitHub Actions workflows: valid against SchemaStore's published schema for workflows
// (vendored here: see README.md), and right where it matters. The campaign's plan lists shards
// 1..n and refuses bad inputs; the matrix runs one shard per entry, each with its own i/n and
// its own report; the merge job depends on the shards and receives every shard's report. The
// last is checked by running the workflow's own steps here, on a small campaign: its shell
// steps as written, its artifact steps as the artifact actions behave (an artifact's root is the
// paths' common ancestor; download by pattern, merged into one directory).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planCampaign, type CampaignSpec } from '../../src/campaign/plan.ts';
import type { Report } from '../../src/campaign/report.ts';
import { bundleOf } from '../bin.ts';
import { envWith, REPO } from '../cli/helpers.ts';

const SCRIPTS = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly env?: Readonly<Record<string, string>>;
}

interface Job {
  readonly name?: string;
  readonly needs?: string | readonly string[];
  readonly if?: string;
  readonly 'runs-on': string;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly strategy?: { readonly 'fail-fast'?: boolean; readonly matrix?: Readonly<Record<string, unknown>> };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly name: string;
  readonly on: Readonly<Record<string, { inputs?: Record<string, { type: string; default?: unknown; required?: boolean }> } | null>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, Job>>;
}

const WORKFLOWS = join(REPO, '.github/workflows');
const FILES = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const load = (file: string): Workflow => parse(readFileSync(join(WORKFLOWS, file), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
const campaign = load('campaign.yml');
const needsOf = (job: Job) => (typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []));
const step = (job: Job, uses: string) => job.steps.find((s) => s.uses?.startsWith(`${uses}@`));

const SCHEMA = join(REPO, 'test/ci/github-workflow.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);

function schemaErrors(workflow: unknown): string[] {
  return validate(workflow) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('the workflows', () => {
  it('are there: CI and the campaign', () => {
    expect(FILES).toEqual(['campaign.yml', 'ci.yml']);
  });

  it.each(FILES)('%s is valid against SchemaStore\'s github-workflow.json (draft-07)', (file) => {
    expect(schemaErrors(load(file))).toEqual([]);
  });

  it('the vendored schema is the one test/ci/README.md names, and it does reject broken workflows', () => {
    const hash = createHash('sha256').update(readFileSync(SCHEMA)).digest('hex');
    expect(readFileSync(join(REPO, 'test/ci/README.md'), 'utf8')).toContain(hash);
    const broken = (change: (w: { -readonly [K in keyof Workflow]: unknown } & { jobs: Record<string, Record<string, unknown>> }) => void) => {
      const w = structuredClone(campaign) as unknown as Parameters<typeof change>[0];
      change(w);
      return schemaErrors(w);
    };
    expect(broken((w) => delete w.jobs.merge!['runs-on'])).not.toEqual([]);
    expect(broken((w) => (w.jobs.merge!.steps = [{ uses: 'actions/checkout@v7', run: 'true' }]))).not.toEqual([]);
    expect(broken((w) => (w.jobs.shard!['timeout-minute'] = 5))).not.toEqual([]);
    expect(broken((w) => (w.on = { workflow_dispatch: { inputs: { shards: { type: 'integer' } } } }))).not.toEqual([]);
  });

  it('use the official actions at a major version tag (artifacts at v4 or later), Node 20 and the npm cache', () => {
    const minimum: Record<string, number> = { 'actions/checkout': 4, 'actions/setup-node': 4, 'actions/upload-artifact': 4, 'actions/download-artifact': 4 };
    for (const file of FILES) {
      for (const job of Object.values(load(file).jobs)) {
        for (const s of job.steps) {
          if (!s.uses) continue;
          const m = /^(actions\/[a-z-]+)@v(\d+)$/.exec(s.uses);
          expect(m, `${file}: ${s.uses}`).not.toBeNull();
          expect(Number(m![2]), s.uses).toBeGreaterThanOrEqual(minimum[m![1]!]!);
          if (m![1] === 'actions/setup-node') expect(s.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
        }
      }
    }
  });

  it('CI runs .ci/run on every push and pull request', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toBeNull();
    expect(ci.on.pull_request).toBeNull();
    expect(Object.values(ci.jobs).flatMap((j) => j.steps.map((s) => s.run))).toContain('bash .ci/run');
  });
});

describe('the campaign workflow', () => {
  const inputs = campaign.on.workflow_dispatch!.inputs!;
  const plan = campaign.jobs.plan!;
  const shard = campaign.jobs.shard!;
  const merge = campaign.jobs.merge!;
  const planStep = plan.steps.find((s) => s.id === 'plan')!;

  /** The plan step's script, run as Actions runs it, with the given inputs. */
  function runPlan(env: Record<string, string>): { status: number | null; shards?: number[]; stdout: string } {
    const dir = mkdtempSync(join(tmpdir(), 'ims-plan-'));
    try {
      const output = join(dir, 'output');
      writeFileSync(output, '');
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', planStep.run!], { encoding: 'utf8', env: { ...envWith(), SHARDS: '4', RUNS: '100', SEED: '1', OPTIONS: '', ...env, GITHUB_OUTPUT: output } });
      const line = /^shards=(.*)$/m.exec(readFileSync(output, 'utf8'))?.[1];
      return { status: r.status, stdout: r.stdout, ...(line ? { shards: JSON.parse(line) as number[] } : {}) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('takes the number of shards (default 4), the runs and the seed as inputs', () => {
    expect(inputs.shards).toMatchObject({ type: 'number', default: 4 });
    expect(inputs.runs).toMatchObject({ type: 'number', default: 100 });
    expect(inputs.seed).toMatchObject({ type: 'number', default: 20261121 });
    expect(planStep.env).toMatchObject({ SHARDS: '${{ inputs.shards }}', RUNS: '${{ inputs.runs }}', SEED: '${{ inputs.seed }}' });
  });

  it('plans shards 1..n, and refuses inputs that are not whole numbers, n outside 1..256 and options the workflow sets', () => {
    for (const n of [1, 2, 4, 7, 256]) expect(runPlan({ SHARDS: String(n) }).shards).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    expect(runPlan({ OPTIONS: '--article Q168139 --no-matrix' }).status).toBe(0);
    const bads: Record<string, string>[] = [{ SHARDS: '0' }, { SHARDS: '257' }, { SHARDS: '2.5' }, { SHARDS: 'x' }, { RUNS: '-1' }, { SEED: '' }, { OPTIONS: '--no-matrix --shard 1/2' }, { OPTIONS: '--report=x.json' }];
    for (const bad of bads) {
      const r = runPlan(bad);
      expect(r.status, JSON.stringify(bad)).toBe(1);
      expect(r.shards).toBeUndefined();
      expect(r.stdout).toMatch(/^::error::/m);
    }
  });

  it('runs one shard per planned entry, each with its own i/n, runs, seed and report, and uploads that report even when the shard fails', () => {
    expect(needsOf(shard)).toEqual(['plan']);
    expect(plan.outputs).toEqual({ shards: '${{ steps.plan.outputs.shards }}' });
    expect(shard.strategy).toEqual({ 'fail-fast': false, matrix: { shard: '${{ fromJSON(needs.plan.outputs.shards) }}' } });
    const run = shard.steps.find((s) => s.run?.includes('npm start'))!;
    expect(run.env).toMatchObject({ SHARD: '${{ matrix.shard }}/${{ inputs.shards }}', REPORT: 'reports/shard-${{ matrix.shard }}.json', RUNS: '${{ inputs.runs }}', SEED: '${{ inputs.seed }}' });
    expect(run.run).toMatch(/npm start -- --shard "\$SHARD" --runs "\$RUNS" --seed "\$SEED" --report "\$REPORT" /);
    const upload = step(shard, 'actions/upload-artifact')!;
    expect(upload.if).toBe('${{ !cancelled() }}');
    expect(String(upload.with!.path).split('\n')).toContain(run.env!.REPORT);
    expect(upload.with!.name).toContain('${{ matrix.shard }}');
  });

  it('merges after the shards, also when one failed, and uploads the merged JSON and HTML', () => {
    expect(needsOf(merge)).toEqual(expect.arrayContaining(['plan', 'shard']));
    expect(merge.if).toBe("${{ !cancelled() && needs.plan.result == 'success' }}");
    expect(merge.steps.some((s) => s.run?.includes('npm run merge --') && s.run.includes('--report reports/campaign.json'))).toBe(true);
    const upload = step(merge, 'actions/upload-artifact')!;
    expect(String(upload.with!.path).split('\n')).toEqual(expect.arrayContaining(['reports/campaign.json', 'reports/campaign.html']));
  });

  describe('run here, step by step, on a small campaign of 3 shards', () => {
    const work = mkdtempSync(join(tmpdir(), 'ims-workflow-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const store = join(work, 'artifacts');
    mkdirSync(store);
    // Each job runs on a machine of its own: a fresh checkout, where only artifacts carry files
    // from one job to another. The checkout is the repository's files, linked (node_modules
    // too: npm ci is skipped).
    let workspace = '';
    let machines = 0;
    const checkout = () => {
      workspace = join(work, `machine-${++machines}`);
      mkdirSync(workspace);
      for (const entry of readdirSync(REPO)) if (!['.git', 'reports', '.tmp', '.stryker-tmp', 'coverage'].includes(entry)) symlinkSync(join(REPO, entry), join(workspace, entry));
    };
    // `npm start` and `npm run NAME` of the project's own commands run their bundles (test/bin.ts),
    // as package.json maps them, through an npm first on PATH; anything else goes to npm itself.
    // The steps' shell text runs as written; npm and tsx's own start-up is help.test.ts's to check.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    const realNpm = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
    const bundled = Object.entries(SCRIPTS).flatMap(([name, command]) => {
      const file = /^tsx (\S+\.ts)$/.exec(command)?.[1];
      return file && existsSync(bundleOf(file)) ? [`[${name}]=${JSON.stringify(bundleOf(file))}`] : [];
    });
    writeFileSync(join(bin, 'npm'), [
      '#!/bin/bash',
      `declare -A bundles=(${bundled.join(' ')})`,
      'if [[ $1 == start ]]; then name=start; rest=("${@:2}"); elif [[ $1 == run && $# -ge 2 ]]; then name=$2; rest=("${@:3}"); else name=; fi',
      'if [[ -n $name && -n ${bundles[$name]:-} ]]; then',
      '  [[ ${rest[0]:-} == -- ]] && rest=("${rest[@]:1}")',
      `  exec ${JSON.stringify(process.execPath)} "\${bundles[$name]}" "\${rest[@]}"`,
      'fi',
      `exec ${JSON.stringify(realNpm)} "$@"`,
      '',
    ].join('\n'), { mode: 0o755 });
    const PATH = `${bin}:${process.env.PATH ?? ''}`;
    // Q246115 with the matrix: an alternative reading breaks Q246115-C1, so shards save counterexamples.
    const given = { shards: '3', runs: '2', seed: '7', options: '--article Q246115 --workers 0' };

    /** ${{ ... }} replaced from the context; an expression the simulation does not know fails the test. */
    const evaluate = (text: string, context: Readonly<Record<string, string>>) =>
      text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
        if (!(expr in context)) throw new Error(`the simulation does not know \${{ ${expr} }} in: ${text}`);
        return context[expr]!;
      });
    const always = (condition: string | undefined) => condition === undefined || ["${{ !cancelled() }}", "${{ !cancelled() && needs.plan.result == 'success' }}"].includes(condition);

    /** The upload: the files under the paths' common ancestor, as the artifact's root. */
    function upload(s: Step, context: Record<string, string>): void {
      const name = evaluate(String(s.with!.name), context);
      const paths = evaluate(String(s.with!.path), context).split('\n').map((p) => normalize(p.trim()).replace(/\/$/, '')).filter((p) => p && p !== '.');
      const found = paths.filter((p) => existsSync(join(workspace, p)));
      if (s.with!['if-no-files-found'] === 'error') expect(found, `artifact ${name}`).not.toEqual([]);
      const parts = paths.map((p) => p.split('/'));
      let root = parts[0]!.filter((part, k) => parts.every((q) => q[k] === part)).join('/');
      if (paths.length === 1 && existsSync(join(workspace, root)) && !statSync(join(workspace, root)).isDirectory()) root = dirname(root);
      expect(existsSync(join(store, name)), `artifact ${name} uploaded twice`).toBe(false);
      for (const p of found) cpSync(join(workspace, p), join(store, name, relative(root, p)), { recursive: true });
    }

    /** The download: every artifact the pattern matches, merged into one directory or each in its own. */
    function download(s: Step, context: Record<string, string>): void {
      const pattern = new RegExp(`^${evaluate(String(s.with!.pattern), context).split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      const into = join(workspace, evaluate(String(s.with!.path), context));
      for (const name of readdirSync(store).filter((n) => pattern.test(n))) cpSync(join(store, name), s.with!['merge-multiple'] ? into : join(into, name), { recursive: true });
    }

    function runJob(job: Job, context: Record<string, string>): Record<string, string> {
      checkout();
      const outputs: Record<string, string> = {};
      for (const s of job.steps) {
        expect(always(s.if), `step condition ${s.if}`).toBe(true);
        if (s.name) evaluate(s.name, context);
        if (s.uses?.startsWith('actions/checkout@') || s.uses?.startsWith('actions/setup-node@')) continue; // done by checkout()
        if (s.uses?.startsWith('actions/upload-artifact@')) upload(s, context);
        else if (s.uses?.startsWith('actions/download-artifact@')) download(s, context);
        else if (s.run && /^npm ci\b/.test(s.run)) continue;
        else if (s.run) {
          const output = join(work, 'output');
          writeFileSync(output, '');
          const env = Object.fromEntries(Object.entries({ ...campaign.env, ...s.env }).map(([k, v]) => [k, evaluate(String(v), context)]));
          const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run], { cwd: workspace, encoding: 'utf8', env: { ...envWith(), ...env, PATH, GITHUB_OUTPUT: output } });
          expect(r.status, `${s.name ?? s.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
          for (const [, key, value] of readFileSync(output, 'utf8').matchAll(/^([\w-]+)=(.*)$/gm)) outputs[`steps.${s.id}.outputs.${key}`] = value!;
        } else throw new Error(`the simulation does not know the step ${JSON.stringify(s)}`);
      }
      return Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, evaluate(v, outputs)]));
    }

    it('every shard uploads its report, and the merge job merges all of them into the report and its HTML', () => {
      const base = Object.fromEntries(Object.entries(given).map(([k, v]) => [`inputs.${k}`, v]));
      const planned = runJob(plan, base);
      const needs = { ...base, 'needs.plan.outputs.shards': planned.shards! };
      const entries = JSON.parse(planned.shards!) as number[];
      expect(entries).toEqual([1, 2, 3]);
      expect(always(merge.if)).toBe(true);
      for (const i of entries) {
        const context = { ...needs, 'matrix.shard': String(i) };
        evaluate(shard.name!, context);
        runJob(shard, context);
      }
      expect(readdirSync(store).sort()).toEqual(['campaign-shard-1', 'campaign-shard-2', 'campaign-shard-3']);
      // Nothing but the artifacts reaches the merge job's machine.
      expect(existsSync(join(work, `machine-${machines + 1}`))).toBe(false);
      for (const i of entries) expect(existsSync(join(store, `campaign-shard-${i}`, `shard-${i}.json`))).toBe(true);

      runJob(merge, needs);
      const merged = join(store, 'campaign-report');
      expect(readdirSync(merged)).toEqual(expect.arrayContaining(['campaign.json', 'campaign.html']));
      const report = JSON.parse(readFileSync(join(merged, 'campaign.json'), 'utf8')) as Report;
      expect(report.campaign).toMatchObject({ shard: null, runs: 2, seed: 7, articles: ['Q246115'], matrix: true });
      expect(report.timings.shards?.map((x) => x.shard)).toEqual(['1/3', '2/3', '3/3']);
      const { shard: _, ...spec } = report.campaign;
      expect(report.tasks.map((t) => t.id)).toEqual(planCampaign(spec as CampaignSpec).map((t) => t.id));
      // The counterexamples came along: each one the report names is in the merged artifact,
      // and the page replays it (it says so when a file is missing).
      const saved = report.matrix.flatMap((m) => m.breaks.map((b) => b.scenario));
      expect(saved.length).toBeGreaterThan(0);
      for (const path of saved) expect(existsSync(join(merged, relative('reports', path))), path).toBe(true);
      const page = readFileSync(join(merged, 'campaign.html'), 'utf8');
      expect(page).toMatch(/^<!DOCTYPE html>/);
      expect(page).not.toContain('could not be replayed');
    }, 180_000);
  });
});
