// Questions checkers ask of histories.
//
// The rule every checker follows: it decides from what an observer can see — SMTP replies,
// Control Panel's dialogs and service states, the event log, directory listings and
// permissions, free space, what reached each queue and mailbox — and from the operations the
// history performed and what their actors were told. Where a claim is about hidden state (the
// administrator-mailbox pointer, the directory's readiness, a stuck store), the checker works
// out what that state must be from the operations (the small reference models in
// properties/reference/) and compares with what was observed. The model's own hidden state
// (`Snapshot.internal`) may explain a failure in its text; it never decides that there is
// nothing to check. A test keeps `internal` out of the checkers.

import { sentMessage, type SentMessage } from '../src/faults/messages.ts';
import type { Op, OpName, OpOf } from '../src/faults/operations.ts';
import type { History, Step } from '../src/harness/history.ts';
import { before } from '../src/harness/history.ts';
import { violated, HOLDS, type Verdict } from '../src/harness/property.ts';
import type { EventRecord } from '../src/model/eventlog.ts';
import type { Seen } from '../src/model/journal.ts';
import type { Snapshot } from '../src/model/snapshot.ts';
import { SPOOL_DIRS } from '../src/model/paths.ts';
import { Fates } from './fates.ts';
import { directoryReference } from './reference/directory.ts';

export { performed, type Performed } from './performed.ts';

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

/** A spool directory other than in is gone (work or out): something else the connector needs, which the articles about in leave aside. */
export const otherSpoolMissing = (s: Snapshot): boolean => SPOOL_DIRS.some((d) => d !== 'in' && !s.spool[d]);

export function events(step: { seen: readonly Seen[] }, id?: number): EventRecord[] {
  return step.seen.flatMap((o) => (o.kind === 'event' && (id === undefined || o.entry.id === id) ? [o.entry] : []));
}

export function dialogs(step: Step): string[] {
  return step.seen.flatMap((o) => (o.kind === 'dialog' ? [o.text] : []));
}

export function transitions(step: { seen: readonly Seen[] }, service = IMC): { from: string; to: string; at: number }[] {
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

/** When the connector initialised in this step (its start pending ended), if it did. */
export function initialisedAt(step: { seen: readonly Seen[] }): number | undefined {
  return transitions(step).find((t) => t.from === 'StartPending')?.at;
}

/** The shown administrator mailbox names a live mailbox, though the object behind it may have been replaced ("everything appears correct"). */
export function looksRight(s: Snapshot): boolean {
  const shown = s.adminMailboxShown?.toLowerCase();
  return s.recipients.some((r) => r.kind === 'mailbox' && r.name.toLowerCase() === shown);
}

/** A message a remote host delivered by SMTP: the step, its Message-ID, whom it was for, what it was, and whether the server took it. */
export interface Delivery {
  readonly step: StepOf<'smtp.deliver'>;
  readonly messageId: string;
  readonly to: string;
  readonly message: SentMessage;
  readonly accepted: boolean;
}

/** What a delivered message was, in words: "with bad MIME headers and bad TNEF". */
export function describeSent(m: SentMessage): string {
  const parts = [m.badHeaders ? 'bad MIME headers' : 'good MIME headers', m.badTnef ? 'bad TNEF' : 'no bad TNEF'];
  if (m.malformedCharset) parts.push('a malformed charset');
  if (m.embedded !== 'none') parts.push(`a forwarded message with ${m.embedded} headers`);
  return `with ${parts.join(', ')}`;
}

/** Every SMTP delivery of the history, whatever arguments the operation was given. */
export function deliveries(h: History): Delivery[] {
  return stepsOf(h, 'smtp.deliver').flatMap((step) =>
    step.outcome.messageId === undefined ? [] : [{ step, messageId: step.outcome.messageId, to: step.op.to, message: sentMessage(step.op), accepted: step.outcome.accepted === true }],
  );
}

/** The Exchange service account still has Full Control on imcdata, work and in, and Everyone is not No Access there: nothing in its permissions stops the IMS. */
export function serviceAccountUnhindered(s: Snapshot): boolean {
  const dirs = Object.entries(s.acls).filter(([path]) => /\\imcdata(\\(work|in))?$/i.test(path));
  return dirs.length === 3 && dirs.every(([, acl]) =>
    acl.some((a) => a.group === 'Exchange service account' && a.permission === 'Full Control') && !acl.some((a) => a.group === 'Everyone' && a.permission === 'No Access'));
}

/**
 * The spool directories (present, shown as Explorer shows their permissions) that the Exchange
 * service account cannot write to, by NT 4's rules worked out here rather than asked of the
 * model: No Access for Everyone or for the account denies everything; otherwise it writes only
 * with Change or Full Control for one of the two.
 */
export function spoolUnwritable(s: Snapshot): string[] {
  const writes = (acl: Snapshot['acls'][string]): boolean => {
    const mine = acl.filter((a) => a.group === 'Everyone' || a.group === 'Exchange service account');
    return !mine.some((a) => a.permission === 'No Access') && mine.some((a) => a.permission === 'Change' || a.permission === 'Full Control');
  };
  return SPOOL_DIRS.filter((d) => s.spool[d]).filter((d) => {
    const acl = Object.entries(s.acls).find(([path]) => path.toLowerCase().endsWith(`\\imcdata\\${d}`));
    return acl !== undefined && !writes(acl[1]);
  });
}

/** Nothing an observer can see stands in the way of taking mail: the connector runs, work and in are there and writable, space is plentiful. */
export function readyForMail(s: Snapshot): boolean {
  return imcRunning(s) && nothingInTheWay(s);
}

/** What the connector needs besides running: in and work there, space above the reserve, its rights. */
export function nothingInTheWay(s: Snapshot): boolean {
  return s.spool.in && s.spool.work && !lowOnDisk(s) && serviceAccountUnhindered(s);
}

/** Where every message ended up, from the whole history's journal. */
export function fatesOf(h: History): Fates {
  const f = new Fates().observeAll(h.setup);
  for (const s of h.steps) f.observeAll(s.seen);
  return f;
}

/** Seconds within which an accepted message reaches its mailbox (or is returned) when nothing stands in its way (assumption A-FLOW). */
export const FLOW_SECONDS = 60;

/** Operations that only look at the server or give it mail: nothing that stands in mail's way. */
const PROBES = new Set<OpName>(['smtp.deliver', 'time.pass', 'client.logon', 'client.submit']);

/**
 * End to end: each message accepted at a step that `window` selects reaches its recipient's
 * mailbox if the Administrator program lists the recipient as a mailbox, or is returned to its
 * sender otherwise (A-NDR; a client's message: is sent to the Internet) within
 * FLOW_SECONDS, whenever the history gives it that long with nothing but probes, the directory
 * answers and the connector runs, ready for mail; unless someone other than the server removed it first, or an
 * article documents a defect that holds it up (`excused`: the defects' findings under FLOW).
 */
export function flowsEndToEnd(claim: string, h: History, window: (index: number) => boolean, excused: ReadonlyMap<string, string> = new Map(), fates = fatesOf(h)): Verdict {
  const readable = directoryReference(h);
  const end = h.steps.at(-1)?.after.at ?? h.initial.at;
  // For each step, when the next operation that is not a probe began (or the end of the history).
  const quietUntil: number[] = [];
  let next = end;
  for (let i = h.steps.length - 1; i >= 0; i--) {
    quietUntil[i] = next;
    if (!PROBES.has(h.steps[i]!.op.op)) next = h.steps[i]!.at;
  }
  const last = h.steps.at(-1)?.after;
  const submitted = stepsOf(h, 'client.submit').flatMap((s) => (s.outcome.accepted && s.outcome.messageId ? [{ index: s.index, at: s.at, id: s.outcome.messageId, to: undefined }] : []));
  const delivered = deliveries(h).flatMap((d) => (d.accepted ? [{ index: d.step.index, at: d.step.at, id: d.messageId, to: d.to }] : []));
  for (const m of [...delivered, ...submitted]) {
    if (!window(m.index) || quietUntil[m.index]! < m.at + FLOW_SECONDS || end < m.at + FLOW_SECONDS || excused.has(m.id)) continue;
    // Nothing an observer can see stands in the way: the connector runs with its spool, space and rights,
    // and the directory answers (the MTA delivers only then).
    if (!readable(m.at) || !readyForMail(before(h, m.index))) continue;
    const w = fates.where(m.id);
    if (w.destroyed || w.carried) continue;
    const returned = w.returnedBy === undefined ? undefined : fates.where(w.returnedBy).arrived.get('MTS-OUT');
    // A-NDR: mail for a recipient the Administrator program lists as a mailbox goes to that
    // mailbox; mail for anyone else (unknown, a custom recipient, a list) goes back to its sender.
    const hasMailbox = m.to !== undefined && before(h, m.index).recipients.some((r) => r.kind === 'mailbox' && r.name.toLowerCase() === m.to!.toLowerCase());
    if (m.to !== undefined && hasMailbox && returned !== undefined) return violated(claim, m.index, `${m.id}, for ${m.to}, who has a mailbox, was returned to its sender`);
    if (m.to !== undefined && !hasMailbox && w.arrived.has('mailbox')) return violated(claim, m.index, `${m.id}, for ${m.to}, who has no mailbox, was delivered to ${w.places.find((p) => p.startsWith('mailbox ')) ?? 'a mailbox'} instead of being returned to its sender`);
    const by = m.to === undefined ? (w.arrived.get('Internet') ?? Infinity) : hasMailbox ? (w.arrived.get('mailbox') ?? Infinity) : (returned ?? Infinity);
    if (by > m.at + FLOW_SECONDS) {
      const goal = m.to === undefined ? 'sent to the Internet' : hasMailbox ? `in the mailbox of ${m.to}` : 'returned to its sender';
      return violated(claim, m.index, `${m.id}, accepted at t+${m.at}s, was not ${goal} ${FLOW_SECONDS} s later; it is ${w.places.length ? `in ${w.places.join(', ')}` : w.orphaned ? `in ${w.orphaned}, whose recipient was deleted before it arrived` : 'nowhere'}`);
    }
    const box = w.places.find((p) => p.startsWith('mailbox '));
    const owner = box && last?.recipients.find((r) => `mailbox ${r.id}` === box);
    if (m.to !== undefined && owner && owner.name.toLowerCase() !== m.to.toLowerCase()) return violated(claim, m.index, `${m.id}, for ${m.to}, was delivered to the mailbox of ${owner.name}`);
  }
  return HOLDS;
}

/** Index of the last step with this operation, or -1. */
export function lastIndexOf(h: History, test: (op: Op) => boolean): number {
  for (let i = h.steps.length - 1; i >= 0; i--) if (test(h.steps[i]!.op)) return i;
  return -1;
}

export { before };
