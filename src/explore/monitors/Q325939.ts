// Monitors for Q325939's properties (properties/Q325939.ts).

import { before, type History } from '../../harness/history.ts';
import { FLOW, excusedUnder } from '../../../properties/defects/index.ts';
import { malformed, outOfMemoryOnMalformed } from '../../../properties/defects/Q325939.ts';
import { FLOW_SECONDS, deliveries, readyForMail } from '../../../properties/support.ts';
import { flowDefects } from './defects.ts';
import { flowWatch } from './flows.ts';
import { place } from './ledger.ts';
import type { Monitor } from './monitor.ts';
import { tail } from './tail.ts';

const affected = (h: History, i: number): boolean => outOfMemoryOnMalformed(before(h, i).release);
const fixed = (h: History, i: number): boolean => /^5\.5 SP/.test(before(h, i).release) && !affected(h, i);

/** Seconds within which the IMS must have handed a message over (a poll and then some: the property's 15). */
const POLL = 15;

/**
 * S1: whether a culprit came on an affected release (mail in flight then need not arrive); the
 * first one the running IMS took in, while its window is open, as the steps since it (the
 * checker reads the events, the files and the state there); and the mail in flight. The
 * window is settled once it has passed, or once something other than time passing came
 * first (the checker then only asks for the mail).
 */
const stopsWithTheSequence: Monitor = (h, ctx) => {
  const accepted = deliveries(h).filter((d) => d.accepted && malformed(h, d));
  const firstAt = accepted.find((d) => affected(h, d.step.index))?.step.at ?? Infinity;
  const flows = flowWatch(h, ctx, (i) => h.steps[i]!.at + FLOW_SECONDS < firstAt);
  const d = accepted.find((x) => affected(h, x.step.index) && readyForMail(before(h, x.step.index)));
  if (!d) return { culprit: firstAt !== Infinity, first: null, flows };
  const due = d.step.at + POLL;
  const next = h.steps.find((s) => s.index > d.step.index && s.op.op !== 'time.pass');
  const now = ctx.world.clock.now;
  const settled = (next !== undefined && next.at < due) || now > due;
  return { culprit: true, first: settled ? 'settled' : { due: due - now, steps: tail(h, ctx, d.step.index) }, flows };
};

const fixRequiresSp4: Monitor = (h, ctx) => ({ defects: flowDefects(h), flows: flowWatch(h, ctx, (i) => fixed(h, i), excusedUnder(FLOW, h).messages) });

/** M1: each malformed message the running IMS took in with the fix in: where it is, and while its poll is to come, whether anything else happened and when it reached the archive folder. */
const archivedAfterTheFix: Monitor = (h, ctx) => {
  const now = ctx.world.clock.now;
  return deliveries(h)
    .filter((d) => d.accepted && malformed(h, d) && fixed(h, d.step.index) && readyForMail(before(h, d.step.index)))
    .map((d) => {
      const w = ctx.fates.where(d.messageId);
      const due = d.step.at + POLL;
      const places = w.places.map((p) => place(p, ctx)).sort();
      if (now > due) return [ctx.canon.message(d.messageId), places];
      const busy = h.steps.some((s) => s.index > d.step.index && s.at < due && s.op.op !== 'time.pass');
      const archived = w.arrived.get('archive');
      return [ctx.canon.message(d.messageId), places, due - now, busy, archived === undefined ? null : archived - now];
    });
};

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q325939-S1 the IMS stops after 12800, 4182, 4102, 1001': stopsWithTheSequence,
  'Q325939-R1 the store fix, on SP4, ends it': fixRequiresSp4,
  'Q325939-M1 after the fix the message goes to the archive folder': archivedAfterTheFix,
};
