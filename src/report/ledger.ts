// The assumption ledger (what the model does that no article states) and the interpretations
// (where the articles are silent or disagree: each alternative, the default and why), as the
// report carries them.

import type { Report } from '../campaign/report.ts';
import { html, id, type Html } from './escape.ts';

export function assumptionLedger(report: Pick<Report, 'assumptions'>): Html {
  return html`<table class="ledger" id="assumption-ledger">
<thead><tr><th>ID</th><th>What the model assumes</th><th>Why</th></tr></thead>
<tbody>${report.assumptions.map((a) => html`<tr data-assumption="${a.id}"><td><strong>${a.id}</strong></td><td>${a.assumption}</td><td class="muted">${a.reason}</td></tr>`)}</tbody>
</table>`;
}

export function interpretationList(report: Pick<Report, 'interpretations'>): Html {
  return html`${report.interpretations.map((i) => html`<div class="interpretation" id="${id('reading', i.id)}" data-interpretation="${i.id}">
<h3>${i.id} <span class="muted small">(${i.articles.join(', ')})</span></h3>
<p>${i.question}</p>
<table>
<thead><tr><th>Alternative</th><th>Meaning</th></tr></thead>
<tbody>${Object.entries(i.alternatives).map(([name, meaning]) => html`<tr${name === i.default ? html` class="default"` : ''}><td><strong>${name}</strong>${name === i.default ? html` <span class="badge v-holds">default</span>` : ''}</td><td>${meaning}</td></tr>`)}</tbody>
</table>
<p class="small"><strong>Why the default:</strong> ${i.reason}</p>
</div>`)}`;
}
