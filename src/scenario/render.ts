// The timeline as text for people: a header, the boot in one line, each step with its clock,
// the operation in words, the outcome, one line per observation (quoted texts behind a "|"
// gutter, so blank lines and exact wording show), the expectations checked, the verdict.
// Text from the file (title, notes, arguments the model echoes) may hold control characters:
// every line is shown with them escaped. The marks (✓, ✗, –) may be coloured by the caller
// (npm run replay on a terminal); without a painter the text is plain.

import type { Outcome } from '../faults/interpreter.ts';
import { escapeControls, escapeLines } from './escape.ts';
import { judgementText, mismatchText } from './replay.ts';
import { sentText, type Timeline, type TimelineObservation } from './timeline.ts';

const MET = '✓';
const UNMET = '✗';
const INFO = '·';
const NOT_REACHED = '–';

/** A mark in its tone's colour (good: ✓, bad: ✗, unsure: –), or as it is. */
export type MarkPaint = (tone: 'good' | 'bad' | 'unsure', mark: string) => string;

const TONES: Readonly<Record<string, 'good' | 'bad' | 'unsure'>> = { [MET]: 'good', [UNMET]: 'bad', [NOT_REACHED]: 'unsure' };

/** A line led by a mark: the mark is painted after the rest of the line is escaped. */
interface Marked {
  readonly indent: string;
  readonly mark: string;
  readonly text: string;
}

const marked = (indent: string, mark: string, text: string): Marked => ({ indent, mark, text });

export function renderTimeline(t: Timeline, paint?: MarkPaint): string {
  const out: (string | Marked)[] = [];
  // One line each, whatever they hold.
  if (t.title) out.push(escapeControls(t.title));
  if (t.file) out.push(`file      ${escapeControls(t.file)}`);
  out.push(`release   ${t.release} (${t.product})`);
  const readings = Object.entries(t.readings);
  out.push(`readings  ${readings.length ? readings.map(([id, alt]) => `${id}=${alt}`).join(', ') : 'the defaults'}${readings.length ? ' (others at their defaults)' : ''}`);
  if (t.variant) out.push(`variant   ${t.variant.name}: ${t.variant.description}`);
  if (t.judge) out.push(`judged by ${t.judge.properties.length ? t.judge.properties.join('; ') : '(no property)'}: each must say ${t.judge.verdict === 'holds' ? 'it holds' : `${t.judge.claim} is violated`}`);
  out.push('');
  out.push(`setup     until ${t.setup.clock}: installed and booted; ${Object.entries(t.setup.services).map(([s, state]) => `${s} ${state}`).join(', ')}`);
  for (const o of t.setup.observations) out.push(...observationLines(o, o.clock));
  for (const s of t.steps) {
    out.push('');
    out.push(`[${s.index}] ${s.clock}  ${s.time}  ${s.call}`);
    out.push(`    ${s.summary}`);
    if (s.note) out.push(...s.note.split('\n').map((line, i) => `    ${i === 0 ? 'note: ' : '      '}${line}`));
    const outcome = outcomeText(s.outcome);
    if (outcome) out.push(`    => ${outcome}`);
    if (s.message) out.push(`    judges: ${sentText(s.message)}`);
    let shown = s.clock;
    for (const o of s.observations) {
      out.push(...observationLines(o, o.clock === shown ? '' : o.clock));
      shown = o.clock;
    }
    for (const c of s.checks) out.push(marked('    ', c.met ? MET : UNMET, `expect ${c.field} ${c.met ? `= ${JSON.stringify(c.expected)}` : `: expected ${JSON.stringify(c.expected)}, observed ${JSON.stringify(c.observed)}`}`));
  }
  if (t.verdict) out.push('', ...verdictLines(t.verdict));
  const painted = (m: string) => (paint && TONES[m] ? paint(TONES[m], m) : m);
  return `${out.map((line) => (typeof line === 'string' ? escapeLines(line) : `${line.indent}${painted(line.mark)} ${escapeLines(line.text)}`)).join('\n')}\n`;
}

/** One line, its clock left blank when it is the same as the line above's. */
function observationLines(o: TimelineObservation, clock: string): string[] {
  const head = `    ${clock.padEnd(7)} ${o.label.padEnd(9)} ${o.text}`;
  return [head, ...(o.quoted ?? []).map((line) => `${' '.repeat(22)}| ${line}`.trimEnd())];
}

/** What the actor saw, in one line; nothing when a step simply happened (time passing). */
function outcomeText(o: Outcome): string | undefined {
  const lines = o.detail?.split('\n') ?? [];
  const first = lines.length > 1 ? `${lines[0]} ...` : lines[0];
  const message = o.messageId ? ` [${o.messageId}]` : '';
  if (o.accepted !== undefined) return `${o.accepted ? 'accepted' : 'not accepted'}${first ? `: ${first}` : ''}${message}`;
  if (o.ok) return first ? `done: ${first}` : undefined;
  return `failed${first ? `: ${first}` : ''}${message}`;
}

function verdictLines(v: NonNullable<Timeline['verdict']>): (string | Marked)[] {
  const expectations = v.checks.flat();
  const met = expectations.filter((c) => c.met).length;
  const lines: (string | Marked)[] = [`verdict: ${v.behaves ? 'behaves as the file says' : `does NOT behave as the file says (${v.mismatches.length} mismatch${v.mismatches.length === 1 ? '' : 'es'})`}`];
  for (const j of v.judgements) {
    const why = !j.law ? '' : j.outcome === 'not reached' ? ' (a law: need not be reached)' : j.law.required ? ' (a law: judges every history)' : ' (a law: shown, not required here)';
    const said = j.met || j.law ? '' : ` (the file says: ${j.expected === 'holds' ? 'holds' : `violated ${j.claim}`})`;
    const mark = !j.met ? UNMET : j.outcome === 'not reached' ? NOT_REACHED : j.law && !j.law.required && !j.verdict.holds ? INFO : MET;
    lines.push(marked('  ', mark, `${j.property}: ${judgementText(j)}${said}${why}`));
  }
  // The summary line carries the verdict's mark: a failing replay never ends on a tick.
  const wrong = v.judgements.filter((j) => !j.met).length;
  const judged = wrong ? `; ${wrong} of ${v.judgements.length} verdicts not as the file says` : '';
  lines.push(marked('  ', v.behaves ? MET : UNMET, `${met} of ${expectations.length} expectations met${judged}`));
  for (const m of v.mismatches) if (!m.field.startsWith('judge:')) lines.push(marked('    ', UNMET, mismatchText(m)));
  return lines;
}
