// A history told step by step: the clock (seconds since the start and the calendar time),
// the operation in words, what its actor saw, everything observed on the server, the step's
// expectations checked, and at the end the verdict. As data (for tools, `--json`) and as text
// (for people): one line per observation, quoted texts indented line by line.

import { OPERATIONS } from '../faults/catalogue.ts';
import type { Outcome } from '../faults/interpreter.ts';
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
  readonly observations: readonly TimelineObservation[];
  readonly checks: readonly Check[];
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
  readonly variant?: { readonly name: string; readonly description: string };
  readonly judge?: ScenarioFile['judge'];
  readonly verdict?: ReplayVerdict;
}

export function timeline(h: History, context: TimelineContext = {}): Timeline {
  const readings = Object.fromEntries(INTERPRETATION_IDS.filter((id) => h.readings[id] !== DEFAULT_INTERPRETATIONS[id]).map((id) => [id, h.readings[id]]));
  const book = new RecipientBook(h.initial);
  const setupObservations = h.setup.filter((o) => o.kind !== 'service').map((o) => ({ clock: clock(o.at), observation: o, ...describeObservation(o, book.names) }));
  const steps = h.steps.map((s): TimelineStep => {
    for (const o of s.seen) book.observe(o);
    const note = context.notes?.[s.index];
    return {
      index: s.index,
      clock: clock(s.at),
      time: timestamp(s.at),
      op: s.op,
      call: callText(s.op),
      summary: OPERATIONS[s.op.op].summary,
      ...(note === undefined ? {} : { note }),
      outcome: s.outcome,
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

/** `agent.delete dir=in`, `client.logon client="Exchange Client"`. */
export function callText(op: Op): string {
  const args = Object.entries(op).filter(([k]) => k !== 'op').map(([k, v]) => `${k}=${typeof v === 'string' && /^[\w.@-]+$/.test(v) ? v : JSON.stringify(v)}`);
  return [op.op, ...args].join(' ');
}
