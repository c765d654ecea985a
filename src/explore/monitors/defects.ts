// What the documented defects (properties/defects/) will excuse under FLOW of the messages still
// to come: whether each one's culprit has been accepted already, and whether the store holds
// the IMS up (Q168139). A message already accepted is excused or not for good (flows.ts).

import { before, type History } from '../../harness/history.ts';
import { bothBad } from '../../../properties/defects/Q168139.ts';
import { failsOnMalformedCharset } from '../../../properties/defects/Q293288.ts';
import { malformed, outOfMemoryOnMalformed } from '../../../properties/defects/Q325939.ts';
import { deliveries } from '../../../properties/support.ts';
import { store } from './references.ts';

/** properties/defects/Q168139.ts: 5.0 before the service pack that fixes the rewind loop (a reading). */
function rewindAffected(release: string, readings: History['readings']): boolean {
  const fixedIn = readings.rewindFixedIn === 'sp1' ? 1 : 2;
  const m = /^5\.0 SP(\d+)$/.exec(release);
  return m !== null && Number(m[1]) < fixedIn;
}

export function flowDefects(h: History): unknown {
  const accepted = deliveries(h).filter((d) => d.accepted);
  const on = (i: number) => before(h, i).release;
  return {
    q168139: accepted.some((d) => rewindAffected(on(d.step.index), h.readings) && bothBad(d.message)),
    q293288: accepted.some((d) => failsOnMalformedCharset(on(d.step.index)) && d.message.malformedCharset),
    q325939: accepted.some((d) => outOfMemoryOnMalformed(on(d.step.index)) && malformed(h, d)),
    store: store(h),
  };
}
