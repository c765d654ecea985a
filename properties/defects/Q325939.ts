// Q325939's defect as the laws must know it: on 5.5 without the store fix 5.5.2656.60, a
// malformed inbound message makes the IMS shut down each time it is handed over (it stays in
// Imcdata\In, to be retried); with the fix it is moved to the store's archive folder, not
// delivered. Which malformation is interpretation q325939Trigger.

import type { Defect, DefectFinding } from '../../src/harness/defect.ts';
import { before, type History } from '../../src/harness/history.ts';
import { deliveries, fatesOf, type Delivery } from '../support.ts';

/** The store fix that corrects it, as the release's name shows it. */
export const FIX = 'store 5.5.2656.60';

/** Whether the release (by its name) has the defect: 5.5 at any level, unless the fix is applied. */
export function outOfMemoryOnMalformed(release: string): boolean {
  return /^5\.5 SP/.test(release) && !release.includes(FIX);
}

/** Q325939's "malformed inbound Internet message", as the reading in force has it. */
export function malformed(h: History, d: Delivery): boolean {
  return h.readings.q325939Trigger === 'forwarded-bad-headers' ? d.message.embedded === 'bad' : d.message.badHeaders || d.message.embedded === 'bad';
}

/** FLOW: on an affected release, everything after the first culprit; on a fixed one, the culprits (archived). */
function heldUp(h: History): DefectFinding {
  const messages = new Map<string, string>();
  let culprit: string | undefined;
  for (const d of deliveries(h)) {
    if (!d.accepted) continue;
    const release = before(h, d.step.index).release;
    if (!/^5\.5 SP/.test(release)) continue;
    if (malformed(h, d)) messages.set(d.messageId, outOfMemoryOnMalformed(release) ? 'the store runs out of memory on it' : 'the fixed store moves it to its archive folder');
    else if (culprit !== undefined && outOfMemoryOnMalformed(release)) messages.set(d.messageId, `it came after ${culprit}, which stops the IMS`);
    if (malformed(h, d) && outOfMemoryOnMalformed(release)) culprit ??= d.messageId;
  }
  return { messages };
}

/** LIV-1: archived culprits are where the article says; a culprit still in the spool on an affected release stops the IMS each time. */
function atTheEnd(h: History): DefectFinding {
  const fates = fatesOf(h);
  const end = h.steps.at(-1)?.after ?? h.initial;
  const messages = new Map<string, string>(fates.ids().filter((id) => fates.where(id).places.includes('archive')).map((id) => [id, 'moved to the archive folder'] as const));
  if (!outOfMemoryOnMalformed(end.release)) return { messages };
  const culprit = deliveries(h).find((d) => d.accepted && malformed(h, d) && fates.where(d.messageId).places.some((p) => /\\imcdata\\in\\/i.test(p)));
  if (!culprit) return { messages };
  const why = `${culprit.messageId}, still in the spool, stops the IMS each time it is handed over`;
  for (const id of fates.ids()) if (!messages.has(id)) messages.set(id, why);
  return { messages, connectorDown: why };
}

export const malformedMessageStopsTheIms: Defect = {
  claim: 'Q325939-S1',
  effect: 'On 5.5 without the store fix 5.5.2656.60, a malformed inbound message makes the IMS shut down each time it is handed over; with the fix it goes to the store\'s archive folder.',
  suspends: ['LIV-1', 'FLOW'],
  finds: (h, law) => (law === 'FLOW' ? heldUp(h) : atTheEnd(h)),
};

export const DEFECTS: readonly Defect[] = [malformedMessageStopsTheIms];
