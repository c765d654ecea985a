// The timeline picture in HTML, in the spirit of Jepsen's timeline.html: time runs down the
// page (the virtual clock on the left), each step's operation, its actor and what the actor
// saw in the next column, then one column per lane. Each observation sits in its lane's cell
// at its time, numbered in the order it was seen; lane cells are shaded by the lane's state
// (and every change of state is also written). The verdict's witness steps (a violation's
// step, a mismatch's step) are marked in words and colour, and listed above the picture.

import type { Outcome } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import { REMOTE_DOMAIN } from '../faults/messages.ts';
import type { Check } from '../scenario/expectations.ts';
import { mismatchText, verdictText, type Replay, type ReplayVerdict } from '../scenario/replay.ts';
import { callText, replayTimeline, sentText, type Timeline, type TimelineStep } from '../scenario/timeline.ts';
import { html, id, join, type Fragment, type Html } from './escape.ts';
import { groupsOf, picture, type Block, type Lane, type Placed, type Row } from './lanes.ts';

export interface Witness {
  readonly step: number;
  readonly why: string;
  readonly kind: 'violation' | 'mismatch';
}

/** The steps the verdict points at: each violation's witness step, and each mismatch's step; in step order. */
export function witnessesOf(v: ReplayVerdict | undefined): Witness[] {
  if (!v) return [];
  const out: Witness[] = [];
  for (const j of v.judgements) {
    if (j.verdict.holds) continue;
    const law = j.law ? (j.law.required ? ' (a law, required here)' : ' (a law, shown, not required here)') : '';
    out.push({ step: j.verdict.step, kind: 'violation', why: `${j.property}${law}: ${verdictText(j.verdict)}` });
  }
  for (const m of v.mismatches) {
    if (m.step === null || m.field.startsWith('judge:')) continue;
    out.push({ step: m.step, kind: 'mismatch', why: `mismatch: ${mismatchText(m)}` });
  }
  return out.sort((a, b) => a.step - b.step);
}

/** Who carries out an operation. */
export function actorOf(op: Op): string {
  const name = op.op;
  if (name === 'smtp.deliver') return `remote host ${REMOTE_DOMAIN}`;
  if (name.startsWith('client.')) return 'a user at a client';
  if (name.startsWith('agent.')) return 'outside agent (member of Everyone)';
  if (name.startsWith('disk.')) return 'other programs';
  if (name === 'time.pass') return 'nobody: time passes';
  if (name === 'nt.terminateHungThread') return 'Windows NT';
  if (name === 'heal') return 'the nemesis, healing its faults';
  if (name === 'servicePack.apply') return 'administrator (service pack setup)';
  return 'administrator';
}

function outcomeLines(o: Outcome): { text: string; failed: boolean } | null {
  const message = o.messageId ? ` [${o.messageId}]` : '';
  const detail = o.detail ?? '';
  if (o.accepted !== undefined) return { text: `${o.accepted ? 'accepted' : 'not accepted'}${detail ? `: ${detail}` : ''}${message}`, failed: !o.accepted };
  if (o.ok) return detail || message ? { text: `done${detail ? `: ${detail}` : ''}${message}`, failed: false } : { text: 'done', failed: false };
  return { text: `failed${detail ? `: ${detail}` : ''}${message}`, failed: true };
}

function checkItem(c: Check): Html {
  return html`<li><span class="${c.met ? 'mark-ok' : 'mark-bad'}">${c.met ? '✓' : '✗'}</span> expect ${c.field} ${c.met ? `= ${JSON.stringify(c.expected)}` : `: expected ${JSON.stringify(c.expected)}, observed ${JSON.stringify(c.observed)}`}</li>`;
}

function stepCell(s: TimelineStep, rows: number, witnesses: readonly Witness[]): Html {
  const outcome = outcomeLines(s.outcome);
  const performed = s.outcome.performed ?? [];
  return html`<td class="step" rowspan="${rows}">${witnesses.length ? html`<span class="witness-flag">◆ WITNESS STEP [${s.index}]</span>${witnesses.map((w) => html`<span class="witness-why">${w.why}</span>`)}` : ''}<span class="index">[${s.index}]</span><span class="call">${s.call}</span>
<div class="actor">by ${actorOf(s.op)}: ${s.summary}</div>${s.note !== undefined ? html`<div class="note">note: ${s.note}</div>` : ''}${outcome ? html`<div class="outcome${outcome.failed ? ' failed' : ''}"><span class="pre">⇒ ${outcome.text}</span></div>` : ''}${s.message ? html`<div class="judges">judges: <span class="pre">${sentText(s.message)}</span></div>` : ''}${performed.length ? html`<ul class="checks">${performed.map((p) => {
    const o = outcomeLines(p.outcome);
    return html`<li>· ${callText(p.op)}${o ? html` ⇒ <span class="pre">${o.text}</span>` : ''}</li>`;
  })}</ul>` : ''}${s.checks.length ? html`<ul class="checks">${s.checks.map(checkItem)}</ul>` : ''}</td>`;
}

function observationHtml(p: Placed): Html {
  return html`<span class="ob${p.tone ? ` ${p.tone}` : ''}" data-kind="${p.observation.observation.kind}"><span class="seq">${p.seq}</span>${p.text}${p.quoted ? html`<span class="quoted">${p.quoted.join('\n')}</span>` : ''}</span>`;
}

function laneCell(lane: Lane, row: Row): Html {
  const state = row.states.get(lane.key);
  const items = row.cells.get(lane.key) ?? [];
  const after = row.after?.get(lane.key);
  const shade = state?.shade ? ` st-${state.shade}` : '';
  return html`<td class="cell${shade}" data-lane="${lane.key}"${state ? html` data-state="${state.words}"` : ''}>${items.map(observationHtml)}${after ? html`<span class="ob state muted">${after}</span>` : ''}</td>`;
}

function timeCell(row: Row, first: boolean, step: TimelineStep | null, previous: Row | undefined): Html {
  const gap = previous && row.at > previous.at ? `+${row.at - previous.at}s` : '';
  return html`<td class="time">${row.clock}${first && step ? html`<span class="gap">${step.time}</span>` : ''}${!first && gap ? html`<span class="gap">${gap}</span>` : ''}</td>`;
}

function blockHtml(b: Block, lanes: readonly Lane[], prefix: string, witnesses: readonly Witness[], previous: Row | undefined): Html {
  const mine = b.step ? witnesses.filter((w) => w.step === b.step!.index) : [];
  const rows = b.rows.map((row, k) => {
    const first = k === 0;
    const lead = first
      ? b.step
        ? stepCell(b.step, b.rows.length, mine)
        : html`<td class="step" rowspan="${b.rows.length}"><span class="call">setup</span><div class="actor">installation and first boot, until ${b.clock}</div></td>`
      : '';
    return html`<tr data-clock="${row.clock}">${timeCell(row, first, b.step, k ? b.rows[k - 1] : previous)}${lead}${lanes.map((l) => laneCell(l, row))}</tr>`;
  });
  if (!b.step) return html`<tbody class="setup" id="${id(prefix, 'setup')}">${rows}</tbody>`;
  return html`<tbody class="step${mine.length ? ' witness' : ''}" id="${id(prefix, 'step', b.step.index)}" data-step="${b.step.index}"${mine.length ? html` data-witness="${mine.map((w) => w.kind).join(' ')}"` : ''}>${rows}</tbody>`;
}

const LEGEND = html`<div class="legend">
<span><span class="key" style="background:#e9f7ed">&nbsp;</span>service Running</span>
<span><span class="key" style="background:#fff1cc">&nbsp;</span>service StartPending or StopPending; store thread rewinding</span>
<span><span class="key" style="background:#e5e7eb">&nbsp;</span>service Stopped; thread terminated</span>
<span><span class="key" style="background:repeating-linear-gradient(135deg,#fbe3e1 0 6px,#fff 6px 12px)">&nbsp;</span>spool directory missing</span>
<span><span class="key" style="background:#fbe3e1">&nbsp;</span>disk below the reserve</span>
<span><span class="key" style="background:#eaf4ff">&nbsp;</span>queue or mailbox holds mail</span>
<span><span class="key">3</span>order of the observation within its step</span>
<span><span class="key" style="background:#b3261e;color:#fff">◆</span>witness step of the verdict</span>
</div>`;

function facts(t: Timeline, r: Replay, extra: readonly (readonly [string, string])[]): Html {
  const readings = Object.entries(t.readings);
  const origin = r.scenario.file.origin;
  const rows: (readonly [string, Fragment])[] = [...extra];
  if (t.file) rows.push(['file', html`<code>${t.file}</code>`]);
  rows.push(['release', `${t.release} (${t.product})`]);
  rows.push(['readings', readings.length ? `${readings.map(([k, v]) => `${k}=${v}`).join(', ')} (others at their defaults)` : 'the defaults']);
  if (t.variant) rows.push(['model variant', `${t.variant.name}: ${t.variant.description}`]);
  if (t.judge) rows.push(['judged by', `${t.judge.properties.length ? t.judge.properties.join('; ') : '(no property)'}: each must say ${t.judge.verdict === 'holds' ? 'it holds' : `${t.judge.claim ?? '?'} is violated`}`]);
  if (origin.kind === 'failure') rows.push(['found', `by ${origin.property}, seed ${origin.seed}, path ${origin.path}; ${origin.failure}; shrunk to ${origin.shrunkSteps ?? r.scenario.ops.length} steps`]);
  return html`<dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function verdictBox(v: ReplayVerdict | undefined, witnesses: readonly Witness[], prefix: string): Html {
  if (!v) return html``;
  const expectations = v.checks.flat();
  const met = expectations.filter((c) => c.met).length;
  const judgements = v.judgements.map((j) => {
    const mark = j.law && !j.law.required && !j.verdict.holds ? ['mark-info', '·'] : j.met ? ['mark-ok', '✓'] : ['mark-bad', '✗'];
    const why = j.law ? (j.law.required ? ' (a law: judges every history)' : ' (a law: shown, not required here)') : '';
    const said = j.met || j.law ? '' : ` (the file says: ${j.expected === 'holds' ? 'holds' : `violated ${j.claim ?? '?'}`})`;
    return html`<li><span class="${mark[0]!}">${mark[1]!}</span> ${j.property}: <span class="pre">${verdictText(j.verdict)}</span>${said}${why}</li>`;
  });
  const mismatches = v.mismatches.filter((m) => !m.field.startsWith('judge:')).map((m) => html`<li><span class="mark-bad">✗</span> <span class="pre">${mismatchText(m)}</span></li>`);
  const links = witnesses.map((w) => html`<li><a href="#${id(prefix, 'step', w.step)}">step [${w.step}]</a>: <span class="pre">${w.why}</span></li>`);
  return html`<div class="box ${v.behaves ? 'good' : 'bad'} verdict" data-behaves="${String(v.behaves)}">
<strong>Verdict: ${v.behaves ? 'behaves as the file says' : `does NOT behave as the file says (${v.mismatches.length} mismatch${v.mismatches.length === 1 ? '' : 'es'})`}</strong>
${witnesses.length ? html`<p>Witness step${witnesses.length === 1 ? '' : 's'} (marked ◆ in the picture):</p><ul class="plain witnesses">${links}</ul>` : html`<p>No witness step: nothing was violated and every expectation was met.</p>`}
<ul class="plain">${judgements}<li><span class="${met === expectations.length ? 'mark-ok' : 'mark-bad'}">${met === expectations.length ? '✓' : '✗'}</span> ${met} of ${expectations.length} expectations met</li>${mismatches}</ul>
</div>`;
}

export interface TimelineOptions {
  /** Prefix of every id in the section (unique within the page). */
  readonly prefix: string;
  /** Heading level of the section's title. */
  readonly level: 1 | 2 | 3;
  /** The section's title (default: the scenario's title, else its path). */
  readonly title?: string;
  /** Facts shown before the scenario's own (name, text). */
  readonly facts?: readonly (readonly [string, string])[];
}

/** The section for one replayed scenario: its facts, the verdict with its witness steps, the picture. */
export function timelineSection(r: Replay, o: TimelineOptions): Html {
  const t = replayTimeline(r);
  const p = picture(r.history, t);
  const witnesses = witnessesOf(t.verdict);
  const groups = groupsOf(p.lanes);
  const title = o.title ?? t.title ?? t.file ?? 'scenario';
  const heading = o.level === 1 ? html`<h1>${title}</h1>` : o.level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`;
  let previous: Row | undefined;
  const bodies = p.blocks.map((b) => {
    const out = blockHtml(b, p.lanes, o.prefix, witnesses, previous);
    previous = b.rows[b.rows.length - 1];
    return out;
  });
  return html`<section class="timeline-section" id="${id(o.prefix)}" data-witness-steps="${[...new Set(witnesses.map((w) => w.step))].join(' ')}">
${heading}
${facts(t, r, o.facts ?? [])}
${verdictBox(t.verdict, witnesses, o.prefix)}
${LEGEND}
<div class="scroll"><table class="timeline">
<thead><tr class="groups"><th colspan="2">virtual clock and step</th>${groups.map((g) => html`<th colspan="${g.span}">${g.name}</th>`)}</tr>
<tr><th>clock</th><th>step: operation, by whom, what they saw</th>${p.lanes.map((l) => html`<th class="lane g-${l.group}" data-lane="${l.key}">${l.label}${l.sub ? html`<span class="sub">${l.sub}</span>` : ''}</th>`)}</tr></thead>
${join(bodies, '\n')}
</table></div>
</section>`;
}
