// npm run explore's command line, checked: a bad option is a UsageError naming the option and
// what is wrong with it (the CLI prints it on one line and exits 2).

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ARTICLES } from '../harness/claims.ts';
import { INTERPRETATION_IDS, alternativesOf, type InterpretationId } from '../model/interpretations.ts';
import { RELEASES, VERSIONS, releaseMatches, releaseName } from '../model/release.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { CHECKED_IDS } from '../campaign/plan.ts';
import type { ExploreOptions } from './explore.ts';
import { INVARIANT_ARTICLE, knownLetters, releasesFor, selectedClaims } from './tasks.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_DEPTH = 3;
/** With --budget and no --depth: as deep as the budget allows, up to this. */
export const MAX_DEPTH = 64;
export const DEFAULT_SCENARIOS = 'reports/scenarios';

export const USAGE = `Usage: npm run explore -- (--claim ID | --article Q... | --all) [options]

Runs every sequence of operations up to a depth, breadth first, from the installed server, over
an abstract alphabet (each operation with one representative per class of its arguments, as
src/faults/catalogue.ts declares them), and judges each history by the claim's properties and
every law. Equal states are explored once where every judge has a monitor (src/explore/monitors).

  --claim ID         a claim or invariant to explore (repeatable)
  --article Q...     every claim of an article (repeatable; ${INVARIANT_ARTICLE} for the invariants)
  --all              every claim and invariant
  --version V        only this version (4.0, 5.0, 5.5) or level (e.g. 5.0 SP1) (repeatable)
  --depth K          explore sequences of up to K operations (default ${DEFAULT_DEPTH}; with --budget, up to ${MAX_DEPTH})
  --budget SECONDS   stop a claim's search after this long (shared out among its releases) and
                     report the depth fully verified by then
  --alphabet A       scenario (default): the letters the claim's properties' scenarios produce;
                     full: every letter for the release
  --only NAME        keep only this letter (op:class) or operation's letters (repeatable)
  --no-prune         judge every history: merge no states, even where monitors allow it
  --variant NAME     explore a model variant (properties/variants) instead of the faithful model
  --reading ID=ALT   an alternative reading (repeatable)
  --workers N        worker processes (default: the number of CPUs; 0 runs in the main thread)
  --scenarios DIR    where counterexamples are saved (default ${DEFAULT_SCENARIOS})
  --json             the report as JSON on stdout (format ims-harness/explore@1)
  --help             this text

Exit code: 0 when every history explored holds ("verified to depth K"), 1 when one does not
(the shortest is saved as a scenario, with the command to replay it) or the model failed, 2 for
bad options.`;

export interface CliOptions extends Omit<ExploreOptions, 'progress'> {
  readonly json: boolean;
  readonly help: boolean;
}

function integer(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${option}: "${text}" is not a whole number`);
  const value = Number(text);
  if (value < min || value > max) throw new UsageError(`--${option}: ${text} is out of range (${min} to ${max})`);
  return value;
}

function article(text: string): string {
  const id = /^\d+$/.test(text) ? `Q${text}` : text.toUpperCase();
  const known = [...ARTICLES.map((a) => a.id), INVARIANT_ARTICLE];
  if (!known.includes(id)) throw new UsageError(`--article: no article "${text}"; known: ${known.join(', ')}`);
  return id;
}

function reading(text: string): [string, string] {
  const m = /^([^=]+)=(.+)$/.exec(text);
  if (!m) throw new UsageError(`--reading: "${text}" is not ID=ALTERNATIVE`);
  const [, id, alt] = m as unknown as [string, string, string];
  if (!(INTERPRETATION_IDS as readonly string[]).includes(id)) throw new UsageError(`--reading: no interpretation "${id}"; known: ${INTERPRETATION_IDS.join(', ')}`);
  if (!alternativesOf(id as InterpretationId).includes(alt)) throw new UsageError(`--reading: "${alt}" is not an alternative of ${id}: ${alternativesOf(id as InterpretationId).join(', ')}`);
  return [id, alt];
}

export function parseExploreArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        claim: { type: 'string', multiple: true }, article: { type: 'string', multiple: true }, all: { type: 'boolean' },
        version: { type: 'string', multiple: true }, depth: { type: 'string' }, budget: { type: 'string' },
        alphabet: { type: 'string' }, only: { type: 'string', multiple: true }, 'no-prune': { type: 'boolean' },
        variant: { type: 'string' }, reading: { type: 'string', multiple: true },
        workers: { type: 'string' }, scenarios: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const v = parsed.values;
  const help = v.help ?? false;
  const claims = v.claim ?? [];
  for (const c of claims) if (!CHECKED_IDS.includes(c)) throw new UsageError(`--claim: no claim or invariant "${c}" in properties/claims.json`);
  const articles = (v.article ?? []).map(article);
  if (!help && !claims.length && !articles.length && !v.all) throw new UsageError('--claim: say what to explore: --claim ID, --article Q... or --all');
  const versions = v.version ?? [];
  for (const x of versions) {
    if (!RELEASES.some((r) => releaseMatches(x, r))) throw new UsageError(`--version: no release "${x}"; use a version (${VERSIONS.join(', ')}) or a level: ${RELEASES.map(releaseName).join(', ')}`);
  }
  let budget: number | null = null;
  if (v.budget !== undefined) {
    budget = Number(v.budget);
    if (v.budget.trim() === '' || !Number.isFinite(budget) || budget <= 0) throw new UsageError(`--budget: "${v.budget}" is not a number of seconds (more than 0)`);
  }
  const depth = v.depth !== undefined ? integer('depth', v.depth, 0, MAX_DEPTH) : budget !== null ? MAX_DEPTH : DEFAULT_DEPTH;
  const alphabet = v.alphabet ?? 'scenario';
  if (alphabet !== 'scenario' && alphabet !== 'full') throw new UsageError(`--alphabet: "${alphabet}" is neither scenario nor full`);
  const only = v.only ?? [];
  const known = knownLetters();
  for (const o of only) if (!known.has(o)) throw new UsageError(`--only: no letter or operation "${o}" (letters are op:class, e.g. disk.fill:below-reserve)`);
  const variant = v.variant ?? null;
  if (variant !== null && !VARIANTS.some((x) => x.name === variant)) throw new UsageError(`--variant: no model variant "${variant}" in properties/variants`);
  for (const [option, value] of [['scenarios', v.scenarios]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${option}: needs a path`);
  }
  if (!help && !selectedClaims({ claims, articles, all: v.all ?? false, versions }).some((c) => releasesFor(c, versions).length > 0)) {
    throw new UsageError(`--version: none of the claims selected is checked on ${versions.join(', ')}`);
  }
  return {
    claims,
    articles,
    all: v.all ?? false,
    versions,
    depth,
    budget,
    alphabet: { alphabet, only },
    prune: !v['no-prune'],
    variant,
    readings: Object.fromEntries((v.reading ?? []).map(reading)),
    workers: v.workers !== undefined ? integer('workers', v.workers, 0, 256) : availableParallelism(),
    scenarios: v.scenarios ?? DEFAULT_SCENARIOS,
    json: v.json ?? false,
    help,
  };
}
