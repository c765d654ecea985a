// Questions checkers ask of histories. Each reads what an observer saw (outcomes, journal,
// snapshots); none asks the model how it decided.

import type { Op, OpName, OpOf } from '../src/faults/operations.ts';
import type { History, Step } from '../src/harness/history.ts';
import { before } from '../src/harness/history.ts';
import type { EventRecord } from '../src/model/eventlog.ts';
import type { Seen } from '../src/model/journal.ts';
import type { Snapshot } from '../src/model/snapshot.ts';

export const IMC = 'MSExchangeIMC';

export type StepOf<N extends OpName> = Step & { readonly op: OpOf<N> };

export function stepsOf<N extends OpName>(h: History, name: N): StepOf<N>[] {
  return h.steps.filter((s): s is StepOf<N> => s.op.op === name);
}

export function isOp<N extends OpName>(s: Step, name: N): s is StepOf<N> {
  return s.op.op === name;
}

export const imcRunning = (s: Snapshot): boolean => s.services[IMC] === 'Running';
export const lowOnDisk = (s: Snapshot): boolean => s.freeBytes < s.reserveBytes;
export const inMissing = (s: Snapshot): boolean => !s.spool.in;

export function events(step: { seen: readonly Seen[] }, id?: number): EventRecord[] {
  return step.seen.flatMap((o) => (o.kind === 'event' && (id === undefined || o.entry.id === id) ? [o.entry] : []));
}

export function dialogs(step: Step): string[] {
  return step.seen.flatMap((o) => (o.kind === 'dialog' ? [o.text] : []));
}

export function transitions(step: Step, service = IMC): { from: string; to: string; at: number }[] {
  return step.seen.flatMap((o) => (o.kind === 'service' && o.service === service ? [{ from: o.from, to: o.to, at: o.at }] : []));
}

/** Server replies the SMTP client saw in a step. */
export function replies(step: Step): string[] {
  return step.seen.flatMap((o) => (o.kind === 'smtp' && o.side === 'server' ? [o.line] : []));
}

/** Whether the client got as far as sending the message (the final "."). */
export function sentData(step: Step): boolean {
  return step.seen.some((o) => o.kind === 'smtp' && o.side === 'client' && o.line === '.');
}

/** A start that failed on the spool (4070): that is Q231737's matter, not the administrator mailbox's. */
export function failedOnSpool(step: Step): boolean {
  return events(step, 4070).length > 0;
}


/** What the administrator-mailbox pointer refers to, read off a snapshot. */
export function pointerState(s: Snapshot): 'not-set' | 'missing' | 'not-a-mailbox' | 'mailbox' {
  if (s.adminMailbox.pointer === null) return 'not-set';
  const r = s.directory.recipients.find((x) => x.id === s.adminMailbox.pointer);
  if (!r || r.deleted) return 'missing';
  return r.kind === 'mailbox' ? 'mailbox' : 'not-a-mailbox';
}

/** The shown name names a live mailbox, though the pointer may not point at it ("everything appears correct"). */
export function looksRight(s: Snapshot): boolean {
  const shown = s.adminMailbox.shown?.toLowerCase();
  return s.directory.recipients.some((r) => !r.deleted && r.kind === 'mailbox' && r.name.toLowerCase() === shown);
}

/** Index of the last step with this operation, or -1. */
export function lastIndexOf(h: History, test: (op: Op) => boolean): number {
  for (let i = h.steps.length - 1; i >= 0; i--) if (test(h.steps[i]!.op)) return i;
  return -1;
}

export { before };
