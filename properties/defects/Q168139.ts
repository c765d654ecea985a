// Q168139's defect: the rewind loop, as the laws must know it. Its condition is the article's
// (5.0 before the fixing service pack; bad MIME headers and bad TNEF), decided from the
// operations and what was observed.

import type { SentMessage } from '../../src/faults/messages.ts';
import type { Defect, DefectFinding } from '../../src/harness/defect.ts';
import { before, type History } from '../../src/harness/history.ts';
import { storeReference } from '../reference/store.ts';
import { deliveries, fatesOf } from '../support.ts';

/** Q168139's cause: a message with bad MIME headers and bad TNEF. */
export const bothBad = (m: SentMessage): boolean => m.badHeaders && m.badTnef;

/** Where the affected release stands: what fixes it depends on the reading of which service pack does. */
function affectedRelease(release: string, readings: History['readings']): boolean {
  const fixedIn = readings.rewindFixedIn === 'sp1' ? 1 : 2;
  const m = /^5\.0 SP(\d+)$/.exec(release);
  return m !== null && Number(m[1]) < fixedIn;
}

/**
 * Q168139-C1 as a defect: on 5.0 before the fix, the message with bad headers and bad TNEF is
 * handed to the store again after every restart and loops again; it never leaves the in
 * directory, and the inbound mail named after it waits behind it. Heal and wait as one may,
 * that mail does not converge (LIV-1); and no mail the IMS takes in after it flows while the
 * release has the defect (FLOW).
 */
export const rewindLoopHoldsUpInbound: Defect = {
  claim: 'Q168139-C1',
  effect: 'On 5.0 before the fixing service pack, a message with bad MIME headers and bad TNEF stays in the in directory for good, and the inbound mail after it waits behind it.',
  suspends: ['LIV-1', 'FLOW'],
  finds: (h, law) => (law === 'FLOW' ? heldUp(h) : stillWaiting(h)),
};

/** Every message accepted on an affected release once a culprit was accepted there, and every one accepted while the store is stuck. */
function heldUp(h: History): DefectFinding {
  const store = storeReference(h);
  const messages = new Map<string, string>();
  let culprit: string | undefined;
  for (const d of deliveries(h)) {
    const release = before(h, d.step.index).release;
    if (!affectedRelease(release, h.readings) || !d.accepted) continue;
    const id = d.messageId;
    const stuck = store(d.step.index);
    if (culprit !== undefined || stuck.deadlocked || stuck.imsWaiting) messages.set(id, culprit ? `it came after ${culprit}, on which the store loops` : 'the store was stuck');
    if (bothBad(d.message)) {
      culprit ??= id;
      messages.set(id, 'the store loops on it');
    }
  }
  return { messages };
}

/** At the end: the culprit still in the in directory, and the messages named after it there. */
function stillWaiting(h: History): DefectFinding {
  const end = h.steps.at(-1)?.after ?? h.initial;
  if (!affectedRelease(end.release, h.readings)) return { messages: new Map() };
  const culprits = new Set(deliveries(h).filter((d) => bothBad(d.message) && d.accepted).map((d) => d.messageId));
  const inbox = Object.keys(end.files).find((dir) => /\\imcdata\\in$/i.test(dir));
  const waiting = inbox === undefined ? [] : fatesOf(h).filesIn(inbox).sort((a, b) => (a.path.toUpperCase() < b.path.toUpperCase() ? -1 : 1));
  const first = waiting.findIndex((f) => f.id !== undefined && culprits.has(f.id));
  if (first < 0) return { messages: new Map() };
  const culprit = waiting[first]!.id!;
  return { messages: new Map(waiting.slice(first).flatMap((f) => (f.id ? [[f.id, f.id === culprit ? 'the store loops on it' : `it waits behind ${culprit}, on which the store loops`] as const] : []))) };
}

export const DEFECTS: readonly Defect[] = [rewindLoopHoldsUpInbound];

