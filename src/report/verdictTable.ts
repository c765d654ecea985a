// The verdict table: one row per claim and one per law of the model, with its article,
// section, versions, runs, steps, coverage as a bar (runs that reached the claim's trigger,
// out of the runs) and the verdict, written out; a violation names its release, property and
// explanation and links to its counterexample's timeline further down the page.

import type { Report } from '../campaign/report.ts';
import type { ClaimRow, VerdictName } from '../campaign/verdicts.ts';
import { CLAIMS, INVARIANTS } from '../harness/claims.ts';
import { html, id, type Html } from './escape.ts';

/** Where each saved counterexample is shown on the page, by its path in the report. */
export type Anchors = ReadonlyMap<string, { readonly n: number; readonly anchor: string }>;

const n = (x: number) => x.toLocaleString('en-US');

/** The claim or law in the catalogue's words, when the catalogue still has it. */
export function wordsOf(claimId: string): string | undefined {
  return CLAIMS.find((c) => c.id === claimId)?.claim ?? INVARIANTS.find((i) => i.id === claimId)?.law;
}

export function verdictBadge(v: VerdictName): Html {
  return html`<span class="badge v-${id(v)}">${v}</span>`;
}

/** A horizontal bar: `part` of `whole`, with the numbers written beside it. */
export function bar(part: number, whole: number, width = 120): Html {
  const share = whole > 0 ? Math.min(1, part / whole) : 0;
  const fill = Math.round(share * width);
  const pct = whole > 0 ? `${Math.round(share * 100)}%` : '—';
  return html`<span class="cov"><svg width="${width}" height="12" viewBox="0 0 ${width} 12" role="img" aria-label="${n(part)} of ${n(whole)}"><rect x="0" y="0" width="${width}" height="12" fill="#e6e9ee" stroke="#9aa4b1" stroke-width="1"/><rect x="0" y="0" width="${fill}" height="12" fill="${share === 0 ? '#e6e9ee' : '#2f6fb3'}"/></svg>${n(part)} of ${n(whole)} (${pct})</span>`;
}

export function scenarioLink(path: string, anchors: Anchors): Html {
  const a = anchors.get(path);
  if (!path) return html`<span class="muted">(not saved)</span>`;
  return a ? html`<a href="#${a.anchor}">counterexample ${a.n}</a> <code class="small">${path}</code>` : html`<code class="small">${path}</code>`;
}

function row(r: ClaimRow, anchors: Anchors): Html {
  const words = wordsOf(r.id);
  const findings = [
    ...r.violations.map((v) => html`<li>on ${v.release}, by ${v.property}: <span class="pre">${v.explanation}</span><br>${scenarioLink(v.scenario, anchors)}</li>`),
    ...r.errors.map((e) => html`<li>error in <span class="pre">${e}</span></li>`),
  ];
  return html`<tr data-id="${r.id}" data-verdict="${r.verdict}">
<td><strong>${r.id}</strong>${words ? html`<span class="claim-text">${words}</span>` : ''}</td>
<td>${r.article}</td><td>${r.section}</td><td>${r.versions.join(', ')}</td>
<td class="num">${n(r.runs)}</td><td class="num">${n(r.steps)}</td>
<td>${bar(r.coverage, r.runs)}</td>
<td>${verdictBadge(r.verdict)}${findings.length ? html`<ul class="findings">${findings}</ul>` : ''}</td>
</tr>`;
}

export function verdictTable(report: Pick<Report, 'claims' | 'invariants'>, anchors: Anchors): Html {
  const head = html`<thead><tr><th>Claim or law</th><th>Article</th><th>Section</th><th>Versions</th><th class="num">Runs</th><th class="num">Steps</th><th>Coverage: runs that reached the trigger</th><th>Verdict</th></tr></thead>`;
  const group = (title: string, rows: readonly ClaimRow[], cls: string) =>
    rows.length ? html`<tbody class="${cls}"><tr class="group"><th colspan="8">${title}</th></tr>${rows.map((r) => row(r, anchors))}</tbody>` : '';
  return html`<table class="verdicts" id="verdict-table">${head}
${group(`Claims of the articles (${report.claims.length})`, report.claims, 'claims')}
${group(`Laws of the model, judged on every history (${report.invariants.length})`, report.invariants, 'laws')}
</table>`;
}
