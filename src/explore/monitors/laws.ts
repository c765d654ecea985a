// Monitors for the laws that judge every history (properties/invariants.ts, liveness.ts).

import type { History } from '../../harness/history.ts';
import { CONVERGE_SECONDS } from '../../../properties/liveness.ts';
import { ledger } from './ledger.ts';
import type { Monitor } from './monitor.ts';

/** INV-1: the checkers' account of every message, and which were acknowledged (no documented defect excuses anything under INV-1). */
const noAcknowledgedMessageLost: Monitor = (h, ctx) => ledger(h, ctx);

/**
 * INV-2: nothing. What each service last moved to is what Control Panel shows (INV-2 holds), and
 * that is the model's; the starts asked for and not ended are the services the model wants and
 * has not started (asked, stopped or failed alike), and its wishes are in the fingerprint.
 */
const legalServiceTransitions: Monitor = () => null;

/** INV-4: nothing. Whether each service is Stopped is what Control Panel shows (INV-2 holds), and that is the model's. */
const stoppedServicesDoNothing: Monitor = () => null;

/** INV-5: nothing. While INV-5 holds, what the operations set is what Explorer shows, and that is the model's. */
const permissionsShownAsSet: Monitor = () => null;

/**
 * INV-6: nothing. A step's observations are judged against the time the step began, which is the
 * time the last step ended (the model's clock), and each was judged no later than that.
 */
const timeNeverGoesBack: Monitor = () => null;

/**
 * INV-3: the time of the last record, where it could matter: the next record must not be dated
 * before it. The count of records is the log's size, the model's. Records are dated with the
 * clock when written, and the clock never goes back, so one dated now or earlier cannot be
 * followed by an earlier one.
 */
const wellFormedEventLog: Monitor = (_h, ctx) => {
  const now = ctx.world.clock.now;
  const last = ctx.world.log.entries().at(-1);
  return last !== undefined && last.time > now ? last.time - now : null;
};

/** LIV-1: the account of every message, and how long the history has waited since its last heal if it did nothing else since (up to what LIV-1 asks). */
const healThenConverge: Monitor = (h, ctx) => ({ ledger: ledger(h, ctx), sinceHeal: waitedSinceHeal(h) });

function waitedSinceHeal(h: History): number | null {
  let waited = 0;
  for (let i = h.steps.length - 1; i >= 0; i--) {
    const op = h.steps[i]!.op;
    if (op.op === 'heal') return Math.min(waited, CONVERGE_SECONDS);
    if (op.op !== 'time.pass') return null;
    waited += op.seconds;
  }
  return null;
}

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'INV-1 no acknowledged message is lost': noAcknowledgedMessageLost,
  'INV-2 legal service transitions': legalServiceTransitions,
  'INV-3 well-formed event log': wellFormedEventLog,
  'INV-4 a stopped service does no work': stoppedServicesDoNothing,
  'INV-5 permissions shown as set': permissionsShownAsSet,
  'INV-6 time never goes back': timeNeverGoesBack,
  'LIV-1 heal, then converge': healThenConverge,
};
