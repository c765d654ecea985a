// A step's `expect`, field by field, against what was seen: the actor's outcome, the journal
// of the step and the snapshot after it. Each field gives one check, met or not, with what
// was expected and what was observed, so that a mismatch explains itself.

import type { Step } from '../harness/history.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { IMCDATA } from '../model/paths.ts';
import type { StepExpectation } from './format.ts';

export interface Check {
  /** `reply`, `services.MSExchangeIMC`, `waiting.MTS-OUT`, ... */
  readonly field: string;
  readonly expected: unknown;
  readonly observed: unknown;
  readonly met: boolean;
}

export function checkStep(expect: StepExpectation, step: Step): Check[] {
  const checks: Check[] = [];
  const check = (field: string, expected: unknown, observed: unknown, met = same(expected, observed)) => checks.push({ field, expected, observed, met });
  const { after } = step;
  if (expect.ok !== undefined) check('ok', expect.ok, step.outcome.ok);
  if (expect.reply !== undefined) check('reply', expect.reply, decidingReply(step));
  if (expect.accepted !== undefined) check('accepted', expect.accepted, step.outcome.accepted ?? null);
  if (expect.logon !== undefined) check('logon', expect.logon, logonResult(step));
  if (expect.events !== undefined) check('events', expect.events, eventIds(step));
  if (expect.dialog !== undefined) {
    const shown = step.seen.flatMap((o) => (o.kind === 'dialog' ? [o.text] : []));
    check('dialog', expect.dialog, shown.length === 1 ? shown[0] : shown.length ? shown : null, shown.includes(expect.dialog));
  }
  for (const [service, state] of Object.entries(expect.services ?? {})) check(`services.${service}`, state, after.services[service] ?? null);
  for (const [dir, exists] of Object.entries(expect.spool ?? {})) check(`spool.${dir}`, exists, after.spool[dir as keyof Snapshot['spool']]);
  // The pointer is hidden state: a story may say what it must be; no checker decides by it.
  if (expect.adminMailbox !== undefined) check('adminMailbox', expect.adminMailbox, after.internal.adminMailbox.names);
  for (const [place, n] of Object.entries(expect.waiting ?? {})) check(`waiting.${place}`, n, waiting(after, place));
  for (const [name, n] of Object.entries(expect.mailboxes ?? {})) check(`mailboxes.${name}`, n, mailboxCount(after, name));
  return checks;
}

/** The SMTP reply that decided the delivery: the last before QUIT, or what became of the connection. */
export function decidingReply(step: Step): string | null {
  let last: string | null = null;
  let quitting = false;
  for (const o of step.seen) {
    if (o.kind === 'connection' && o.outcome === 'refused') return 'connection refused';
    if (o.kind === 'connection' && o.outcome === 'dropped') return 'connection dropped at end of data';
    if (o.kind !== 'smtp') continue;
    if (o.side === 'client') quitting = /^QUIT\b/i.test(o.line);
    else if (!quitting) last = o.line;
  }
  return last;
}

export function eventIds(step: Step): number[] {
  return step.seen.flatMap((o) => (o.kind === 'event' ? [o.entry.id] : []));
}

function logonResult(step: Step): string | null {
  if (step.op.op === 'client.logon') return step.outcome.detail ?? null;
  const first = step.seen.find((o) => o.kind === 'logon');
  return first?.kind === 'logon' ? first.result : null;
}

function waiting(s: Snapshot, place: string): number {
  if (place === 'MTS-IN' || place === 'MTS-OUT' || place === 'archive') return s.queues[place];
  const dir = `${IMCDATA}\\${place}`.toLowerCase();
  return Object.entries(s.files).find(([path]) => path.toLowerCase() === dir)?.[1] ?? 0;
}

function mailboxCount(s: Snapshot, name: string): number | string {
  const r = s.recipients.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return r ? (s.mailboxes[r.id] ?? 0) : 'no such recipient';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
