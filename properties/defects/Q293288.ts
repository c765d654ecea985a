// Q293288's defect as the laws must know it: on 5.5 before SP4 (SP3 with the post-SP3 store
// fix excepted: A-Q293288-LEVELS), a message whose body part has a malformed charset makes the
// store fail each time the IMS hands it over; until it is moved away, the IMS gets nothing
// through, and healing and waiting do not change that.

import type { Defect, DefectFinding } from '../../src/harness/defect.ts';
import { before, type History } from '../../src/harness/history.ts';
import { deliveries, events, fatesOf, performed } from '../support.ts';

/** Whether the release's store fails on a malformed charset, by its name ("5.5 SP3 + post-SP3 store fix"). */
export function failsOnMalformedCharset(release: string): boolean {
  const m = /^5\.5 SP(\d+)/.exec(release);
  return m !== null && Number(m[1]) < 4 && !release.includes('post-SP3 store fix');
}

/** FLOW: everything accepted on an affected release once a culprit was accepted there. */
function heldUp(h: History): DefectFinding {
  const messages = new Map<string, string>();
  let culprit: string | undefined;
  for (const d of deliveries(h)) {
    if (!d.accepted || !failsOnMalformedCharset(before(h, d.step.index).release)) continue;
    if (culprit !== undefined) messages.set(d.messageId, `it came after ${culprit}, on which the store fails`);
    if (d.message.malformedCharset) {
      culprit ??= d.messageId;
      messages.set(d.messageId, 'the store fails on its malformed charset');
    }
  }
  return { messages };
}

/**
 * The step of the last 3039 (the store failed under the IMS) with no reboot since: the IMS hangs
 * (S1), and a restart of it leaves the store not responding (S2), until the server restarts.
 */
function hungSinceLastReboot(h: History): number | undefined {
  const byStep = performed(h);
  let hung: number | undefined;
  for (const s of h.steps) {
    if (byStep[s.index]!.some((p) => p.op.op === 'reboot')) hung = undefined;
    if (events(s, 3039).length > 0) hung = s.index;
  }
  return hung;
}

/** LIV-1: at the end, a culprit still in the spool on an affected release holds everything up; so does the hang it left, until a reboot. */
function stillThere(h: History): DefectFinding {
  const end = h.steps.at(-1)?.after ?? h.initial;
  if (!failsOnMalformedCharset(end.release)) return { messages: new Map() };
  const fates = fatesOf(h);
  const culprit = deliveries(h).find((d) => d.accepted && d.message.malformedCharset && fates.where(d.messageId).places.some((p) => /\\imcdata\\(in|out)\\/i.test(p)));
  const hung = hungSinceLastReboot(h);
  const why = culprit
    ? `the store fails on ${culprit.messageId}, still in the spool, each time the IMS hands it over`
    : hung !== undefined ? `the IMS hangs since the store failed under it at step ${hung} (3039), and the server has not restarted since` : undefined;
  if (why === undefined) return { messages: new Map() };
  return { messages: new Map(fates.ids().map((id) => [id, why] as const)), connectorDown: why };
}

export const blankCharsetStopsTheIms: Defect = {
  claim: 'Q293288-C1',
  effect: 'On 5.5 before SP4 (SP3 with the post-SP3 store fix excepted), a message with a malformed charset in its header stops the IMS each time it is handed over, until it is moved out of the spool.',
  suspends: ['LIV-1', 'FLOW'],
  finds: (h, law) => (law === 'FLOW' ? heldUp(h) : stillThere(h)),
};

export const DEFECTS: readonly Defect[] = [blankCharsetStopsTheIms];
