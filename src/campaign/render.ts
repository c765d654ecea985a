// The report for people: aligned plain-text tables. Colour (the verdicts) only where the caller
// asks for it (a terminal: see colour.ts); without it the text reads the same in a CI log.

import { stripVTControlCharacters } from 'node:util';
import { RELEASES, releaseName } from '../model/release.ts';
import { plain, type Paint, type Tone } from './colour.ts';
import { BREAKS_NONE, type MatrixRow } from './matrix.ts';
import type { Report } from './report.ts';
import type { ClaimRow, VerdictName } from './verdicts.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** The width a cell takes on the screen: colour codes take none. */
const width = (cell: string) => stripVTControlCharacters(cell).length;

/** Columns padded to their widest cell; columns listed in `right` are right-aligned. */
export function table(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const pad = (cell: string, c: number) => ' '.repeat(widths[c]! - width(cell));
  return rows
    .map((r) => r.map((cell, c) => (right.has(c) ? pad(cell, c) + cell : cell + pad(cell, c))).join('  ').trimEnd())
    .join('\n');
}

export const TONE: Readonly<Record<VerdictName, Tone>> = { holds: 'good', violated: 'bad', error: 'bad', 'not reached': 'unsure', 'not run': 'unsure' };

function verdictCell(r: ClaimRow, paint: Paint): string {
  const verdict = paint(TONE[r.verdict], r.verdict);
  if (r.verdict === 'violated') return `${verdict}  ${r.violations.map((v) => v.scenario).join(', ')}`;
  return verdict;
}

const ORDER = RELEASES.map(releaseName);

/**
 * The releases that ran, in the catalogue's order, levels of one version together and runs of
 * levels as ranges: "4.0 SP0, 5.0 SP0-SP2, 5.5 SP0, SP3". A name that is not "<version> SPn"
 * (a store fix on top) is shown as it is.
 */
export function releasesText(releases: readonly string[]): string {
  const sorted = [...new Set(releases)].sort((a, b) => (ORDER.indexOf(a) + 1 || Infinity) - (ORDER.indexOf(b) + 1 || Infinity) || a.localeCompare(b));
  const groups: { version: string; levels: number[] }[] = [];
  const others: string[] = [];
  for (const name of sorted) {
    const m = /^(\d+\.\d+) SP(\d+)$/.exec(name);
    if (!m) {
      others.push(name);
      continue;
    }
    const last = groups.at(-1);
    if (last && last.version === m[1]) last.levels.push(Number(m[2]));
    else groups.push({ version: m[1]!, levels: [Number(m[2])] });
  }
  const ranges = (levels: number[]) => {
    const out: string[] = [];
    for (let i = 0; i < levels.length; i++) {
      let j = i;
      while (levels[j + 1] === levels[j]! + 1) j++;
      out.push(j > i + 1 ? `SP${levels[i]}-SP${levels[j]}` : j === i + 1 ? `SP${levels[i]}, SP${levels[j]}` : `SP${levels[i]}`);
      i = j;
    }
    return out.join(', ');
  };
  return [...groups.map((g) => `${g.version} ${ranges(g.levels)}`), ...others].join(', ');
}

/** The Releases column: the releases the rows' tasks ran on (--version narrows them); the claims' own versions are in the JSON report. */
export function verdictTable(rows: readonly ClaimRow[], paint: Paint = plain): string {
  // With --explore-budget: the depth to which every history was explored, before the verdict.
  const explored = rows.some((r) => r.exploredDepth !== undefined);
  const head = ['ID', 'Article', 'Section', 'Releases', 'Runs', 'Steps', 'Coverage', ...(explored ? ['Explored'] : []), 'Verdict'];
  const body = rows.map((r) => [r.id, r.article, r.section, releasesText(r.releases), n(r.runs), n(r.steps), n(r.coverage), ...(explored ? [r.exploredDepth === null || r.exploredDepth === undefined ? '-' : `depth ${r.exploredDepth}`] : []), verdictCell(r, paint)]);
  const details = rows.flatMap((r) => [
    ...r.violations.map((v) => `  ${v.claim} on ${v.release} (${v.property}): ${v.explanation.split('\n')[0]}`),
    ...r.errors.map((e) => `  ${r.id}: error in ${e}`),
  ]);
  return [table([head, ...body], new Set([4, 5, 6, ...(explored ? [7] : [])])), ...(details.length ? ['', ...details] : [])].join('\n');
}

function matrixLines(m: MatrixRow): string[][] {
  const rows: string[][] = m.breaks.map((b) => ['', `breaks ${b.claim} on ${b.release}`, b.scenario]);
  if (!rows.length) {
    const verdict = m.notRun === m.tasks ? 'not run' : m.notRun ? 'breaks none so far' : m.unreached.length ? 'breaks none, but leaves unreached' : m.ownArticles ? BREAKS_NONE : `breaks none of ${m.claims.join(', ')}`;
    rows.push(['', verdict, m.unreached.join(', ')]);
  } else if (m.unreached.length) rows.push(['', 'leaves unreached', m.unreached.join(', ')]);
  if (m.notRun && m.notRun < m.tasks) rows.push(['', 'not run', `${m.notRun} of ${m.tasks} tasks`]);
  if (m.errors.length) rows.push(['', 'errors', m.errors.join('; ')]);
  rows[0]![0] = `  ${m.alternative}`;
  return rows;
}

export function matrixTable(rows: readonly MatrixRow[], report: Pick<Report, 'interpretations'>): string {
  const out: string[] = [];
  let current = '';
  let block: string[][] = [];
  const flush = () => {
    if (block.length) out.push(table(block));
    block = [];
  };
  for (const m of rows) {
    if (m.interpretation !== current) {
      flush();
      current = m.interpretation;
      const i = report.interpretations.find((x) => x.id === current);
      out.push(`${current} (${m.articles.join(', ')}; default ${i?.default ?? '?'}): ${i?.question ?? ''}`);
    }
    block.push(...matrixLines(m));
  }
  flush();
  return out.join('\n');
}

export function ledger(report: Pick<Report, 'assumptions' | 'interpretations'>): string {
  const assumptions = report.assumptions.flatMap((a) => [`${a.id}  ${a.assumption}`, `${' '.repeat(a.id.length)}  why: ${a.reason}`]);
  const readings = report.interpretations.flatMap((i) => [`${i.id} = ${i.default}  (${i.articles.join(', ')}) ${i.question}`, `  why: ${i.reason}`]);
  return [
    'Assumption ledger: what the model does that no article states',
    ...assumptions,
    '',
    'Interpretations: where the articles are silent or disagree, the reading in force by default',
    ...readings,
  ].join('\n');
}

const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
const workers = (count: number) => (count ? plural(count, 'worker') : 'no workers');

/** Several numbers in a few words: "2 each", "253 and 252", "60-64". */
function spread(values: readonly number[], word: (x: number) => string): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return `${word(min)} each`;
  if (values.length === 2) return `${n(values[0]!)} and ${word(values[1]!)}`;
  return `${n(min)}-${word(max)}`;
}

/** Where and how long it ran: one campaign's workers, or a merged report's shards. */
function ranOn(t: Report['timings']): string {
  const shards = t.shards ?? [];
  if (!shards.length) return ` in ${(t.elapsedMs / 1000).toFixed(1)} s on ${workers(t.workers)} (${n(t.stepsPerSecond)} steps/s)`;
  const tasks = spread(shards.map((s) => s.tasks), (x) => plural(x, 'task'));
  const threads = shards.map((s) => s.workers);
  const on = threads.every((w) => w === 0) ? 'each in its main thread' : `on ${spread(threads, (x) => plural(x, 'worker'))}`;
  const longest = Math.max(...shards.map((s) => s.elapsedMs));
  return `, merged from ${shards.length} shards of ${tasks}, ${on} (the longest took ${(longest / 1000).toFixed(1)} s)`;
}

export function summary(report: Report, reportPath: string | null, paint: Paint = plain): string {
  const s = report.summary;
  const v = s.verdicts;
  const checked = report.claims.length + report.invariants.length;
  const count = (verdict: VerdictName, text: string) => (v[verdict] ? paint(TONE[verdict], text) : text);
  return [
    `${plural(s.tasks, 'task')}${report.campaign.shard ? ` (shard ${report.campaign.shard})` : ''}, ${plural(s.runs, 'run')}, ${plural(s.steps, 'step')}${ranOn(report.timings)}${reportPath ? `; report: ${reportPath}` : ''}`,
    `Under the default readings: ${count('holds', `${v.holds} of ${checked} hold`)}, ${count('violated', `${v.violated} violated`)}, ${count('not reached', `${v['not reached']} not reached`)}, ${count('not run', `${v['not run']} not run`)}${v.error ? `, ${count('error', `${v.error} with errors`)}` : ''}. ` +
      `Under alternative readings: ${s.matrixBreaks} breaks (expected; they do not fail the run).`,
  ].join('\n');
}

export interface RenderOptions {
  /** Also the assumption ledger and the interpretations with their reasons, first (npm start -- --ledger). */
  readonly ledger?: boolean;
  readonly paint?: Paint;
}

/** The verdict table, the interpretation matrix and the summary; with `ledger`, the ledger first. */
export function render(report: Report, reportPath: string | null, options: RenderOptions = {}): string {
  const paint = options.paint ?? plain;
  const parts = [
    ...(options.ledger ? [ledger(report), ''] : []),
    `Claims (seed ${report.campaign.seed}, ${report.campaign.runs} runs per property per release, default readings${report.campaign.versions.length ? `, only ${report.campaign.versions.join(', ')}` : ''}${report.campaign.variant ? `, model variant ${report.campaign.variant}` : ''})`,
    report.claims.length ? verdictTable(report.claims, paint) : '(none selected)',
  ];
  if (report.pending.length) parts.push('', `Pending, not run: ${report.pending.map((p) => `${p.property} (${p.claims.join(', ')})`).join('; ')}`);
  if (report.invariants.length) parts.push('', 'Invariants', verdictTable(report.invariants, paint));
  if (report.matrix.length) {
    const scope = report.campaign.matrixScope === 'all' ? 'every property' : 'the claims of the articles each interpretation concerns, and the invariants';
    parts.push('', `Interpretation matrix: ${scope}, under each non-default alternative`, matrixTable(report.matrix, report));
  }
  if (report.exploration) {
    const found = report.exploration.tasks.filter((t) => t.counterexample || t.error);
    parts.push('', `Exploration: every history over each claim's alphabet, up to the depth in the Explored column (${report.exploration.budget} s per claim, ${(report.exploration.ms / 1000).toFixed(1)} s in all)`);
    if (!found.length) parts.push('  every history explored holds');
    for (const t of found) {
      parts.push(t.counterexample
        ? `  ${t.claim} on ${t.release}: violated at depth ${t.counterexample.depth} (${t.counterexample.steps.join(', ')}): ${t.counterexample.explanation.split('\n')[0]}; ${t.counterexample.scenario}`
        : `  ${t.claim} on ${t.release}: the model or a checker failed (${t.error!.steps.join(', ')}): ${t.error!.message}`);
    }
  }
  parts.push('', summary(report, reportPath, paint));
  return `${parts.join('\n')}\n`;
}
