// The campaign's command line, checked: a bad option is a UsageError naming the option and
// what is wrong with it (the CLI prints it and exits 2).

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ARTICLES } from '../harness/claims.ts';
import { RELEASES, VERSIONS, releaseMatches, releaseName } from '../model/release.ts';
import { CHECKED_IDS, INVARIANT_ARTICLE, type Shard } from './plan.ts';
import type { CampaignOptions } from './campaign.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_RUNS = 100;
export const DEFAULT_SEED = 20261121;
export const DEFAULT_REPORT = 'reports/campaign.json';
export const DEFAULT_SCENARIOS = 'reports/scenarios';

export const USAGE = `Usage: npm start -- [options]

Runs every property on every release its claims apply to, under the default readings (the
verdict table) and under each non-default alternative reading (the interpretation matrix).

  --runs N           generated runs per property per release (default ${DEFAULT_RUNS})
  --seed S           root seed; each task's seed derives from it and the task (default ${DEFAULT_SEED})
  --budget SECONDS   start no new task after this long; the rest are reported "not run"
  --article Q...     only these articles' claims (repeatable; ${INVARIANT_ARTICLE} for the invariants)
  --claim ID         only the properties checking this claim or invariant (repeatable)
  --version V        only this version (4.0, 5.0, 5.5) or level (e.g. 5.0 SP1) (repeatable)
  --workers N        worker processes (default: the number of CPUs; 0 runs in the main thread)
  --shard i/n        run every n-th task, starting at the i-th (merge shards with npm run merge)
  --report FILE      the JSON report (default ${DEFAULT_REPORT}); the HTML report goes next
                     to it, with the same name ending in .html
  --scenarios DIR    where counterexamples are saved (default ${DEFAULT_SCENARIOS})
  --explore-budget SECONDS
                     also explore every short history of each claim (npm run explore), this
                     long per claim: the verdict table gets the depth verified (default 0: not run)
  --no-matrix        skip the interpretation matrix
  --matrix-all       run every property under every alternative, not only those of the
                     articles the interpretation names (and the invariants): about twice as long
  --ledger           also print the assumption ledger and the interpretations with their reasons
                     (always in the JSON and HTML reports)
  --help             this text

Prints the verdict table, the interpretation matrix and a summary; the progress line goes to
stderr. Colour on a terminal only; NO_COLOR=1 turns it off, FORCE_COLOR=1 forces it.

Exit code: 0 when no claim is violated under the default readings, 1 when one is (or a task
crashed), 2 for bad options. Breaks under alternative readings are expected and exit 0.`;

export interface CliOptions extends CampaignOptions {
  readonly report: string;
  readonly ledger: boolean;
  /** Seconds of exploration per claim after the campaign (0: none). */
  readonly exploreBudget: number;
  readonly help: boolean;
}

function integer(option: string, text: string, min: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${option}: "${text}" is not a whole number`);
  const value = Number(text);
  if (value < min || !Number.isSafeInteger(value)) throw new UsageError(`--${option}: ${text} is out of range (at least ${min})`);
  return value;
}

function article(text: string): string {
  const id = /^\d+$/.test(text) ? `Q${text}` : text.toUpperCase();
  const known = [...ARTICLES.map((a) => a.id), INVARIANT_ARTICLE];
  if (!known.includes(id)) throw new UsageError(`--article: no article "${text}"; known: ${known.join(', ')}`);
  return id;
}

function shard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: "${text}" is not i/n with 1 <= i <= n (e.g. 1/2)`);
  return { index, count };
}

export function parseCampaignArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        runs: { type: 'string' }, seed: { type: 'string' }, budget: { type: 'string' },
        article: { type: 'string', multiple: true }, claim: { type: 'string', multiple: true }, version: { type: 'string', multiple: true },
        workers: { type: 'string' }, shard: { type: 'string' }, report: { type: 'string' }, scenarios: { type: 'string' },
        'explore-budget': { type: 'string' }, 'no-matrix': { type: 'boolean' }, 'matrix-all': { type: 'boolean' }, ledger: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const v = parsed.values;
  const claims = v.claim ?? [];
  for (const c of claims) if (!CHECKED_IDS.includes(c)) throw new UsageError(`--claim: no claim or invariant "${c}" in properties/claims.json`);
  const versions = v.version ?? [];
  for (const x of versions) {
    if (!RELEASES.some((r) => releaseMatches(x, r))) throw new UsageError(`--version: no release "${x}"; use a version (${VERSIONS.join(', ')}) or a level: ${RELEASES.map(releaseName).join(', ')}`);
  }
  let budget: number | null = null;
  if (v.budget !== undefined) {
    budget = Number(v.budget);
    if (v.budget.trim() === '' || !Number.isFinite(budget) || budget < 0) throw new UsageError(`--budget: "${v.budget}" is not a number of seconds (0 or more)`);
  }
  const exploreBudget = v['explore-budget'] === undefined ? 0 : Number(v['explore-budget']);
  if (v['explore-budget'] !== undefined && (v['explore-budget'].trim() === '' || !Number.isFinite(exploreBudget) || exploreBudget < 0)) {
    throw new UsageError(`--explore-budget: "${v['explore-budget']}" is not a number of seconds (0 or more)`);
  }
  for (const [option, value] of [['report', v.report], ['scenarios', v.scenarios]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${option}: needs a path`);
  }
  return {
    seed: v.seed !== undefined ? integer('seed', v.seed, 0) : DEFAULT_SEED,
    runs: v.runs !== undefined ? integer('runs', v.runs, 1) : DEFAULT_RUNS,
    articles: (v.article ?? []).map(article),
    claims,
    versions,
    matrix: !v['no-matrix'],
    matrixScope: v['matrix-all'] ? 'all' : 'articles',
    variant: null,
    shard: v.shard !== undefined ? shard(v.shard) : null,
    workers: v.workers !== undefined ? integer('workers', v.workers, 0) : availableParallelism(),
    budget,
    scenarios: v.scenarios ?? DEFAULT_SCENARIOS,
    report: v.report ?? DEFAULT_REPORT,
    exploreBudget,
    progress: process.stderr,
    ledger: v.ledger ?? false,
    help: v.help ?? false,
  };
}
