// The report for people: aligned plain-text tables, no colour, so it reads the same in a
// terminal and in a CI log.

import { BREAKS_NONE, type MatrixRow } from './matrix.ts';
import type { Report } from './report.ts';
import type { ClaimRow } from './verdicts.ts';

const n = (x: number) => x.toLocaleString('en-US');

/** Columns padded to their widest cell; columns listed in `right` are right-aligned. */
export function table(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

function verdictCell(r: ClaimRow): string {
  if (r.verdict === 'violated') return `violated  ${r.violations.map((v) => v.scenario).join(', ')}`;
  return r.verdict;
}

export function verdictTable(rows: readonly ClaimRow[]): string {
  // With --explore-budget: the depth to which every history was explored, before the verdict.
  const explored = rows.some((r) => r.exploredDepth !== undefined);
  const head = ['ID', 'Article', 'Section', 'Versions', 'Runs', 'Steps', 'Coverage', ...(explored ? ['Explored'] : []), 'Verdict'];
  const body = rows.map((r) => [r.id, r.article, r.section, r.versions.join(', '), n(r.runs), n(r.steps), n(r.coverage), ...(explored ? [r.exploredDepth === null || r.exploredDepth === undefined ? '-' : `depth ${r.exploredDepth}`] : []), verdictCell(r)]);
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

export function summary(report: Report, reportPath: string | null): string {
  const s = report.summary;
  const t = report.timings;
  const v = s.verdicts;
  const checked = report.claims.length + report.invariants.length;
  return [
    `${n(s.tasks)} tasks${report.campaign.shard ? ` (shard ${report.campaign.shard})` : ''}, ${n(s.runs)} runs, ${n(s.steps)} steps in ${(t.elapsedMs / 1000).toFixed(1)} s on ${t.workers || 'no'} worker${t.workers === 1 ? '' : 's'} (${n(t.stepsPerSecond)} steps/s)${reportPath ? `; report: ${reportPath}` : ''}`,
    `Under the default readings: ${v.holds} of ${checked} hold, ${v.violated} violated, ${v['not reached']} not reached, ${v['not run']} not run${v.error ? `, ${v.error} with errors` : ''}. ` +
      `Under alternative readings: ${s.matrixBreaks} breaks (expected; they do not fail the run).`,
  ].join('\n');
}

export function render(report: Report, reportPath: string | null): string {
  const parts = [
    ledger(report),
    '',
    `Claims (seed ${report.campaign.seed}, ${report.campaign.runs} runs per property per release, default readings${report.campaign.variant ? `, model variant ${report.campaign.variant}` : ''})`,
    report.claims.length ? verdictTable(report.claims) : '(none selected)',
  ];
  if (report.pending.length) parts.push('', `Pending, not run: ${report.pending.map((p) => `${p.property} (${p.claims.join(', ')})`).join('; ')}`);
  if (report.invariants.length) parts.push('', 'Invariants', verdictTable(report.invariants));
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
  parts.push('', summary(report, reportPath));
  return `${parts.join('\n')}\n`;
}
