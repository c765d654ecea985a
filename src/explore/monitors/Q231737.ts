// Monitors for Q231737's properties (properties/Q231737.ts).

import type { History } from '../../harness/history.ts';
import type { Op } from '../../faults/operations.ts';
import { FLOW, excusedUnder } from '../../../properties/defects/index.ts';
import { IMC, stepsOf, transitions } from '../../../properties/support.ts';
import { flowDefects } from './defects.ts';
import { flowWatch } from './flows.ts';
import type { Monitor } from './monitor.ts';
import { store } from './references.ts';

const local: Monitor = () => null;

const takesInAway = (op: Op): boolean => (op.op === 'agent.delete' || op.op === 'agent.rename') && op.dir === 'in';

/** The property's restarts: Control Panel starts in which the IMC came up from Stopped. */
const restarts = (h: History) => stepsOf(h, 'service.start').filter((s) => s.op.service === IMC && transitions(s).some((t) => t.from === 'Stopped' && t.to === 'StartPending'));

/** S3: whether in was ever taken away, whether mail must flow now (after a restart) or must not (taken away again), and the mail in flight. */
const restartHelpsUntilDeletedAgain: Monitor = (h, ctx) => {
  const firstLoss = h.steps.findIndex((x) => takesInAway(x.op));
  if (firstLoss < 0) return { loss: false, defects: flowDefects(h) };
  const restarted = new Set(restarts(h).filter((s) => s.index > firstLoss).map((s) => s.index));
  let flowing = false;
  let lostAgain = false;
  const window: boolean[] = [];
  for (const s of h.steps) {
    window.push(flowing);
    if (restarted.has(s.index)) {
      flowing = true;
      lostAgain = false;
    } else if (takesInAway(s.op) && s.index > firstLoss) {
      lostAgain = flowing;
      flowing = false;
    }
  }
  return { loss: true, flowing, lostAgain, defects: flowDefects(h), flows: flowWatch(h, ctx, (i) => window[i] === true, excusedUnder(FLOW, h).messages) };
};

/** The property's resolvedAt, in its three phases: nothing yet (and whether the last step recreated a directory), Read Only set, resolved. */
const resolutionProtectsIn: Monitor = (h, ctx) => {
  const acl = h.steps.findIndex((s, i) => s.op.op === 'acl.set' && s.op.dir === 'imcdata' && s.op.permission === 'Read' && h.steps[i - 1]?.op.op === 'admin.recreateDirectory');
  const defects = flowDefects(h);
  if (acl < 0) return { phase: 'none', lastRecreated: h.steps.at(-1)?.op.op === 'admin.recreateDirectory', defects };
  const k = h.steps.findIndex((s) => s.index > acl && s.op.op === 'service.start' && s.op.service === IMC);
  if (k < 0) return { phase: 'read-only', defects };
  return { phase: 'resolved', defects, flows: flowWatch(h, ctx, (i) => i > k, excusedUnder(FLOW, h).messages) };
};

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q231737-S1 mail stops flowing without in': local,
  'Q231737-S2 IMS stops with 4070 and 4131': (h) => store(h),
  'Q231737-S3 restart helps until the next deletion': restartHelpsUntilDeletedAgain,
  'Q231737-C1 agent can remove in unless Read Only': local,
  'Q231737-R1 resolution protects in for good': resolutionProtectsIn,
};
