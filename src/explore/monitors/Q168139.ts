// Monitors for Q168139's properties (properties/Q168139.ts).

import { before, type History } from '../../harness/history.ts';
import { bothBad } from '../../../properties/defects/Q168139.ts';
import { deliveries, imcRunning } from '../../../properties/support.ts';
import { flowWatch } from './flows.ts';
import type { Monitor } from './monitor.ts';
import { store } from './references.ts';

const AFFECTED = '5.0 SP0';
const FIXED = '5.0 SP2';

/** Index of the first accepted message with bad headers and bad TNEF (Infinity: none yet). */
const firstBadBad = (h: History): number => deliveries(h).find((d) => bothBad(d.message) && d.accepted)?.step.index ?? Infinity;

/** C1: whether such a message has come (mail need not flow after it), and the mail in flight on the affected release before it. */
const onlyBadHeadersAndBadTnefLoop: Monitor = (h, ctx) => {
  const first = firstBadBad(h);
  const onAffected = (i: number) => before(h, i).release === AFFECTED && h.steps[i]!.after.release === AFFECTED;
  return { badBad: first !== Infinity, flows: flowWatch(h, ctx, (i) => onAffected(i) && i < first) };
};

const queuesStall: Monitor = (h, ctx) => {
  const first = firstBadBad(h);
  return { store: store(h), badBad: first !== Infinity, flows: flowWatch(h, ctx, (i) => i < first) };
};

const latestServicePackFixes: Monitor = (h, ctx) => ({ flows: flowWatch(h, ctx, (i) => before(h, i).release === FIXED && imcRunning(before(h, i))) });

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q168139-C1 only bad headers and bad TNEF loop': onlyBadHeadersAndBadTnefLoop,
  'Q168139-S1 logons do not complete': (h) => store(h),
  'Q168139-S2 IMS shuts down silently': (h) => store(h),
  'Q168139-M1 MTS-IN and MTS-OUT stall': queuesStall,
  'Q168139-T1 the latest service pack fixes it': latestServicePackFixes,
};
