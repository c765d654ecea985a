// The interpretation matrix as a grid: one row per non-default alternative of each
// interpretation, one column per claim or law checked under any of them, and in each cell what
// the alternative did to it (breaks it, with a link to the counterexample; holds; not reached;
// not run; blank where it was not checked); then the row's outcome in words, as the text
// report says it, each break linked to its counterexample (where its explanation is shown).

import { BREAKS_NONE, type MatrixRow } from '../campaign/matrix.ts';
import type { Report } from '../campaign/report.ts';
import { html, type Html } from './escape.ts';
import type { Anchors } from './verdictTable.ts';

type Cell = { kind: 'breaks'; releases: string[]; scenarios: string[] } | { kind: 'holds' | 'unreached' | 'notrun' | 'none' };

function cellOf(m: MatrixRow, claim: string): Cell {
  const breaks = m.breaks.filter((b) => b.claim === claim);
  if (breaks.length) return { kind: 'breaks', releases: breaks.map((b) => b.release), scenarios: breaks.map((b) => b.scenario) };
  if (!m.claims.includes(claim)) return { kind: 'none' };
  if (m.notRun === m.tasks) return { kind: 'notrun' };
  if (m.unreached.includes(claim)) return { kind: 'unreached' };
  return { kind: 'holds' };
}

/** The row's outcome in words, as the text report says it. */
export function outcomeWords(m: MatrixRow): string[] {
  const lines = m.breaks.map((b) => `breaks ${b.claim} on ${b.release}`);
  if (!lines.length) {
    lines.push(m.notRun === m.tasks ? 'not run' : m.notRun ? 'breaks none so far' : m.unreached.length ? 'breaks none, but leaves unreached' : m.ownArticles ? BREAKS_NONE : `breaks none of ${m.claims.join(', ')}`);
    if (m.unreached.length) lines[0] += `: ${m.unreached.join(', ')}`;
  } else if (m.unreached.length) lines.push(`leaves unreached: ${m.unreached.join(', ')}`);
  if (m.notRun && m.notRun < m.tasks) lines.push(`not run: ${m.notRun} of ${m.tasks} tasks`);
  for (const e of m.errors) lines.push(`error: ${e}`);
  return lines;
}

const SYMBOL = { breaks: '✗', holds: '✓', unreached: '○', notrun: '–', none: '' } as const;
const WORDS = { breaks: 'breaks', holds: 'holds', unreached: 'not reached', notrun: 'not run', none: 'not checked' } as const;

export function matrixGrid(report: Pick<Report, 'matrix' | 'interpretations' | 'claims' | 'invariants'>, anchors: Anchors): Html {
  if (!report.matrix.length) return html`<p class="muted">No interpretation matrix in this campaign (--no-matrix, or no property concerned).</p>`;
  const checked = new Set(report.matrix.flatMap((m) => [...m.claims, ...m.breaks.map((b) => b.claim)]));
  const order = [...report.claims.map((c) => c.id), ...report.invariants.map((c) => c.id)];
  const columns = [...order.filter((c) => checked.has(c)), ...[...checked].filter((c) => !order.includes(c)).sort()];
  const byInterpretation = new Map<string, MatrixRow[]>();
  for (const m of report.matrix) byInterpretation.set(m.interpretation, [...(byInterpretation.get(m.interpretation) ?? []), m]);
  const bodies = [...byInterpretation.entries()].map(([interpretation, rows]) => {
    const i = report.interpretations.find((x) => x.id === interpretation);
    const trs = rows.map((m, k) => {
      const cells = columns.map((c) => {
        const cell = cellOf(m, c);
        if (cell.kind === 'breaks') {
          const links = cell.scenarios.map((s, j) => {
            const a = anchors.get(s);
            const mark = html`${SYMBOL.breaks}&nbsp;${cell.releases[j]!}`;
            return a ? html`<a class="rel" href="#${a.anchor}">${mark}</a>` : html`<span class="rel">${mark}</span>`;
          });
          return html`<td class="cell m-breaks" data-claim="${c}" data-cell="breaks">${links}</td>`;
        }
        return html`<td class="cell m-${cell.kind}" data-claim="${c}" data-cell="${WORDS[cell.kind]}">${SYMBOL[cell.kind]}</td>`;
      });
      // Each break links to its counterexample, where its explanation and file are shown.
      const outcome = outcomeWords(m).map((line, j) => {
        const b = m.breaks[j];
        const a = b ? anchors.get(b.scenario) : undefined;
        return a ? html`${line}: <a href="#${a.anchor}">counterexample ${a.n}</a>` : html`${line}`;
      });
      return html`<tr data-interpretation="${m.interpretation}" data-alternative="${m.alternative}" data-breaks="${m.breaks.length}">
${k === 0 ? html`<td rowspan="${rows.length}"><strong>${interpretation}</strong><br><span class="small">${i?.question ?? ''}</span><br><span class="small muted">default: ${i?.default ?? '?'}; ${m.articles.join(', ')}</span></td>` : ''}
<td class="alternative"><strong>${m.alternative}</strong><br><span class="small muted">${m.description}</span></td>
${cells}
<td class="small outcome">${outcome.map((l, j) => html`${j ? html`<br>` : ''}${l}`)}</td>
</tr>`;
    });
    return html`<tbody>${trs}</tbody>`;
  });
  return html`<div class="legend">
<span><span class="key m-breaks" style="color:#b3261e;background:#fbe3e1">✗</span>breaks the claim (release; links to the counterexample)</span>
<span><span class="key" style="color:#1f7a3a;background:#dff3e4">✓</span>holds</span>
<span><span class="key" style="color:#8a5a00;background:#fff1cc">○</span>not reached: no run reached its trigger</span>
<span><span class="key" style="color:#6b7280;background:#eceef1">–</span>not run</span>
<span><span class="key">&nbsp;</span>not checked under this alternative</span>
</div>
<div class="scroll"><table class="matrix" id="matrix-grid">
<thead><tr><th>Interpretation</th><th>Alternative</th>${columns.map((c) => html`<th class="claim" data-claim="${c}">${c}</th>`)}<th>Outcome</th></tr></thead>
${bodies}
</table></div>`;
}
