// The campaign's report as one self-contained HTML page: what was run, the verdict table, the
// interpretation matrix, the assumption ledger and the interpretations, and the timeline of
// every counterexample the campaign saved (each loaded from its file and replayed). The page
// is a function of the report without its timings and of the saved files: the same report
// gives the same bytes, whether it came from worker threads, one thread or merged shards.

import type { Report } from '../campaign/report.ts';
import { readingKey } from '../campaign/plan.ts';
import type { TaskRecord } from '../campaign/records.ts';
import { loadScenario } from '../scenario/load.ts';
import { replay } from '../scenario/replay.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { html, id, type Html } from './escape.ts';
import { assumptionLedger, interpretationList } from './ledger.ts';
import { matrixGrid } from './matrix.ts';
import { page } from './page.ts';
import { timelineSection } from './timeline.ts';
import { verdictBadge, verdictTable, type Anchors } from './verdictTable.ts';

const n = (x: number) => x.toLocaleString('en-US');

export interface Counterexample {
  readonly n: number;
  readonly anchor: string;
  readonly path: string;
  /** The task that found it (the first, when several point at one file). */
  readonly task: TaskRecord;
}

/** Every saved counterexample the report points at, once each, in the order of its tasks. */
export function counterexamplesOf(report: Pick<Report, 'tasks'>): Counterexample[] {
  const out: Counterexample[] = [];
  for (const t of report.tasks) {
    const path = t.violation?.scenario;
    if (!path || out.some((c) => c.path === path)) continue;
    const k = out.length + 1;
    out.push({ n: k, anchor: id('cx', k), path, task: t });
  }
  return out;
}

function counterexampleSection(c: Counterexample): Html {
  const t = c.task;
  const v = t.violation!;
  const reading = t.reading ? `${t.reading.interpretation}=${t.reading.alternative}` : 'the default readings';
  const title = `Counterexample ${c.n}: ${v.claim} on ${t.release}, under ${reading}`;
  let body: Html;
  try {
    body = timelineSection(replay(loadScenario(c.path)), {
      prefix: c.anchor,
      level: 3,
      title,
      facts: [['task', `${t.id} (seed ${t.seed})`], ['violation', v.explanation]],
    });
  } catch (e) {
    body = html`<section class="timeline-section" id="${c.anchor}"><h3>${title}</h3><div class="box bad">The counterexample <code>${c.path}</code> could not be replayed: <span class="pre">${(e as Error).message}</span></div></section>`;
  }
  return html`<div class="counterexample" data-counterexample="${c.n}" data-path="${c.path}" data-reading="${readingKey(t.reading)}">${body}</div>`;
}

function selection(report: Report): string {
  const c = report.campaign;
  const parts = [
    c.articles.length ? `articles ${c.articles.join(', ')}` : '',
    c.claims.length ? `claims ${c.claims.join(', ')}` : '',
    c.versions.length ? `releases ${c.versions.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'every claim on every release';
}

function header(report: Report, counterexamples: number): Html {
  const c = report.campaign;
  const s = report.summary;
  const checked = report.claims.length + report.invariants.length;
  const variant = c.variant ? VARIANTS.find((x) => x.name === c.variant) : undefined;
  const facts: [string, Html | string][] = [
    ['format', report.format],
    ['seed', String(c.seed)],
    ['runs', `${n(c.runs)} per property per release`],
    ['selection', selection(report)],
    ['matrix', c.matrix ? (c.matrixScope === 'all' ? 'every property under every alternative' : 'the claims of the articles each interpretation concerns, and the laws') : 'not run (--no-matrix)'],
  ];
  if (c.variant) facts.push(['model variant', `${c.variant}${variant ? `: ${variant.description}` : ''}`]);
  if (c.shard) facts.push(['shard', c.shard]);
  facts.push(['work', `${n(s.tasks)} tasks, ${n(s.runs)} runs, ${n(s.steps)} steps${s.notRun ? `; ${n(s.notRun)} tasks not run` : ''}${s.errors ? `; ${n(s.errors)} tasks crashed` : ''}`]);
  const v = s.verdicts;
  const verdicts = html`${verdictBadge('holds')} ${v.holds} &nbsp; ${verdictBadge('violated')} ${v.violated} &nbsp; ${verdictBadge('not reached')} ${v['not reached']} &nbsp; ${verdictBadge('not run')} ${v['not run']}${v.error ? html` &nbsp; ${verdictBadge('error')} ${v.error}` : ''} &nbsp; of ${checked} claims and laws`;
  const bad = s.violatedUnderDefaults || s.errors > 0;
  return html`<header>
<h1>ims-harness campaign report</h1>
<p class="muted">Every property on every release its claims apply to, under the default readings and under each alternative reading.</p>
<dl class="facts">${facts.map(([k, x]) => html`<dt>${k}</dt><dd>${x}</dd>`)}</dl>
<div class="box ${bad ? 'bad' : 'good'}" id="summary">
<p><strong>Under the default readings:</strong> ${verdicts}</p>
<p><strong>Under alternative readings:</strong> ${s.matrixBreaks} break${s.matrixBreaks === 1 ? '' : 's'} (expected; they do not fail the run).</p>
<p><strong>Exit code ${bad ? '1' : '0'}:</strong> ${bad ? (s.violatedUnderDefaults ? 'a claim or law is violated under the default readings' : 'a task crashed') : 'no claim or law is violated under the default readings'}. ${counterexamples} counterexample${counterexamples === 1 ? '' : 's'} saved, each with its timeline below.</p>
</div>
<nav class="toc"><a href="#verdicts">Verdicts</a><a href="#matrix">Interpretation matrix</a><a href="#ledger">Assumption ledger</a><a href="#interpretations">Interpretations</a><a href="#counterexamples">Counterexamples</a></nav>
</header>`;
}

export function campaignPage(report: Report): string {
  const found = counterexamplesOf(report);
  const anchors: Anchors = new Map(found.map((c) => [c.path, { n: c.n, anchor: c.anchor }]));
  const pending = report.pending.length
    ? html`<p><strong>Pending, not run:</strong> ${report.pending.map((p) => `${p.property} (${p.claims.join(', ')})`).join('; ')}</p>`
    : '';
  return page({
    title: `ims-harness campaign report (seed ${report.campaign.seed})`,
    body: html`${header(report, found.length)}
<section id="verdicts"><h2>Verdicts under the default readings</h2>
<p class="muted small">One row per claim and per law. Coverage counts the generated runs that reached the claim's trigger; a claim no run reached is "not reached", never "holds".</p>
${verdictTable(report, anchors)}
${pending}
</section>
<section id="matrix"><h2>Interpretation matrix</h2>
<p class="muted small">Each non-default alternative of each interpretation, and what it does to each claim and law checked under it.</p>
${matrixGrid(report, anchors)}
</section>
<section id="ledger"><h2>Assumption ledger</h2>
<p class="muted small">What the model does that no article states.</p>
${assumptionLedger(report)}
</section>
<section id="interpretations"><h2>Interpretations</h2>
<p class="muted small">Where the articles are silent or disagree: the alternatives, the reading in force by default, and why.</p>
${interpretationList(report)}
</section>
<section id="counterexamples"><h2>Counterexamples</h2>
${found.length ? found.map(counterexampleSection) : html`<p class="muted">This campaign saved no counterexample.</p>`}
</section>`,
  });
}
