// A history told step by step: the clock (seconds since the start and the calendar time),
// the operation in words, what its actor saw, everything observed on the server, the step's
// expectations checked, and at the end the verdict. As data (for tools, `--json`) and as text
// (for people): one line per observation, quoted texts indented line by line.

import { OPERATIONS } from '../faults/catalogue.ts';
import { sentAt, type Outcome } from '../faults/interpreter.ts';
import { judgeMessage, type JudgedMessage, type MessageReading } from '../faults/messages.ts';
import type { Op } from '../faults/operations.ts';
import type { History } from '../harness/history.ts';
import { timestamp } from '../model/calendar.ts';
import { DEFAULT_INTERPRETATIONS, INTERPRETATION_IDS } from '../model/interpretations.ts';
import type { Seen } from '../model/journal.ts';
import { releaseName } from '../model/release.ts';
import { traitsOf } from '../model/versions.ts';
import type { ScenarioFile } from './format.ts';
import { safeJson } from './escape.ts';
import type { Check } from './expectations.ts';
import { describeObservation, RecipientBook, type ObservationText } from './observation.ts';
import { renderTimeline } from './render.ts';
import type { Replay, ReplayVerdict } from './replay.ts';

export interface TimelineObservation extends ObservationText {
  readonly clock: string;
  readonly observation: Seen;
}

export interface TimelineStep {
  readonly index: number;
  readonly clock: string;
  readonly time: string;
  readonly op: Op;
  /** The operation in words: its name and arguments, and the operations table's summary. */
  readonly call: string;
  readonly summary: string;
  readonly note?: string;
  readonly outcome: Outcome;
  /** For a delivery: the message the remote host sent, as the judges read it. */
  readonly message?: SentReading;
  readonly observations: readonly TimelineObservation[];
  readonly checks: readonly Check[];
}

/** A delivered message as the judges (readMime, readTnef) read its bytes, generated or given alike. */
export interface SentReading extends JudgedMessage {
  /** Generated from the operation's arguments, or given as bytes (from this file, if the scenario named one). */
  readonly source: 'generated' | 'given';
  readonly file?: string;
}

export interface Timeline {
  readonly file?: string;
  readonly title?: string;
  readonly release: string;
  /** Internet Mail Connector (4.0) or Internet Mail Service (5.x). */
  readonly product: string;
  /** Readings that differ from the defaults. */
  readonly readings: Readonly<Record<string, string>>;
  readonly variant?: { readonly name: string; readonly description: string };
  readonly judge?: ScenarioFile['judge'];
  readonly setup: { readonly clock: string; readonly services: Readonly<Record<string, string>>; readonly observations: readonly TimelineObservation[] };
  readonly steps: readonly TimelineStep[];
  readonly verdict?: ReplayVerdict;
}

export interface TimelineContext {
  readonly file?: string;
  readonly title?: string;
  readonly notes?: readonly (string | undefined)[];
  /** By step: the file a given message came from, as the scenario named it. */
  readonly messageFiles?: readonly (string | undefined)[];
  readonly variant?: { readonly name: string; readonly description: string };
  readonly judge?: ScenarioFile['judge'];
  readonly verdict?: ReplayVerdict;
}

export function timeline(h: History, context: TimelineContext = {}): Timeline {
  const readings = Object.fromEntries(INTERPRETATION_IDS.filter((id) => h.readings[id] !== DEFAULT_INTERPRETATIONS[id]).map((id) => [id, h.readings[id]]));
  const book = new RecipientBook(h.initial);
  const setupObservations = h.setup.filter((o) => o.kind !== 'service').map((o) => ({ clock: clock(o.at), observation: o, ...describeObservation(o, book.names) }));
  const ops = h.steps.map((s) => s.op);
  const steps = h.steps.map((s): TimelineStep => {
    for (const o of s.seen) book.observe(o);
    const note = context.notes?.[s.index];
    const message = s.op.op === 'smtp.deliver' ? sentReading(ops, s.index, s.at, context.messageFiles?.[s.index]) : undefined;
    return {
      index: s.index,
      clock: clock(s.at),
      time: timestamp(s.at),
      op: s.op,
      call: callText(s.op, message?.file),
      summary: OPERATIONS[s.op.op].summary,
      ...(note === undefined ? {} : { note }),
      outcome: s.outcome,
      ...(message ? { message } : {}),
      observations: s.seen.map((o) => ({ clock: clock(o.at), observation: o, ...describeObservation(o, book.names) })),
      checks: context.verdict?.checks[s.index] ?? [],
    };
  });
  return {
    ...(context.file === undefined ? {} : { file: context.file }),
    ...(context.title === undefined ? {} : { title: context.title }),
    release: releaseName(h.release),
    product: traitsOf(h.release, h.readings).product,
    readings,
    ...(context.variant ? { variant: context.variant } : {}),
    ...(context.judge ? { judge: context.judge } : {}),
    setup: {
      clock: clock(h.initial.at),
      services: h.initial.services,
      // The boot's service transitions are routine; what else happened there is shown.
      observations: setupObservations,
    },
    steps,
    ...(context.verdict ? { verdict: context.verdict } : {}),
  };
}

/** The timeline of a replayed scenario, with its notes, expectations and verdict. */
export function replayTimeline(r: Replay): Timeline {
  const { file, variant } = r.scenario;
  return timeline(r.history, {
    file: r.scenario.path,
    title: file.title,
    notes: file.steps.map((s) => s.note),
    messageFiles: file.steps.map((s) => (s as { message?: { file?: string } }).message?.file),
    ...(variant ? { variant: { name: variant.name, description: variant.description } } : {}),
    judge: file.judge,
    verdict: r.verdict,
  });
}

export { renderTimeline };

/** The timeline for tools: JSON whose strings have every control character escaped (the same values). */
export function timelineJson(t: Timeline): string {
  return `${safeJson(t, 2)}\n`;
}

export function clock(seconds: number): string {
  return `t+${seconds}s`;
}

/** `agent.delete dir=in`, `client.logon client="Exchange Client"`; a given message by its file (if named) and size, not its bytes. */
export function callText(op: Op, file?: string): string {
  const word = (v: string) => (/^[\w.@/-]+$/.test(v) ? v : JSON.stringify(v));
  const args = Object.entries(op).filter(([k]) => k !== 'op').map(([k, v]) => {
    if (k === 'message' && op.op === 'smtp.deliver' && op.message) return `${k}=${file === undefined ? '' : `${word(file)} `}(${Buffer.byteLength(op.message.base64, 'base64')} bytes)`;
    return `${k}=${typeof v === 'string' ? word(v) : JSON.stringify(v)}`;
  });
  return [op.op, ...args].join(' ');
}

/** The message sent at a delivery step, read by the judges: the bytes given, or those the interpreter composed (made again). */
function sentReading(ops: readonly Op[], index: number, at: number, file: string | undefined): SentReading {
  const op = ops[index]!;
  const given = op.op === 'smtp.deliver' && op.message !== undefined;
  return { source: given ? 'given' : 'generated', ...(given && file !== undefined ? { file } : {}), ...judgeMessage(sentAt(ops, index, at).bytes) };
}

/**
 * The judges' reading in one line: `MIME header-without-colon (header), bad-charset (part 1);
 * charsets "" (part 1, text/plain: not a charset name); TNEF found: truncated; forwarded none`.
 */
export function readingText(r: MessageReading): string {
  const where = (part: string) => (part === '' ? 'header' : `part ${part}`);
  const mime = r.findings.length ? r.findings.map((f) => `${f.defect} (${where(f.part)})`).join(', ') : 'clean';
  const charsets = r.charsets.length ? r.charsets.map((c) => `${JSON.stringify(c.charset)} (${where(c.part)}, ${c.type}${c.valid ? '' : ': not a charset name'})`).join(', ') : 'none';
  const tnef = r.tnef === undefined ? 'none' : r.tnef.defects.length ? `found: ${r.tnef.defects.join(', ')}` : 'found, good';
  const forwarded = r.forwarded.length ? r.forwarded.map((f) => `${where(f.part)}${f.messageId === undefined ? ' (no Message-ID)' : ` <${f.messageId}>`} [${readingText(f)}]`).join(', ') : 'none';
  return `MIME ${mime}; charsets ${charsets}; TNEF ${tnef}; forwarded ${forwarded}`;
}

/** The judges' line of a delivery: the reading, then the message's size and where it came from. */
export function sentText(m: SentReading): string {
  return `${readingText(m)} (${m.bytes} bytes, ${m.source === 'generated' ? 'generated' : `given${m.file === undefined ? '' : `: ${m.file}`}`})`;
}
