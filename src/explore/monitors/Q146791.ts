// Monitors for Q146791's properties (properties/Q146791.ts).

import { before, type History } from '../../harness/history.ts';
import { IMC, inMissing } from '../../../properties/support.ts';
import { flowWatch } from './flows.ts';
import type { Monitor } from './monitor.ts';

/** Step by step: each delivery or stop is judged by the state before it and what the step saw. */
const local: Monitor = () => null;

const isImc = (op: History['steps'][number]['op'], name: 'service.start' | 'service.stop') => op.op === name && op.service === IMC;
const PROBES = new Set(['smtp.deliver', 'time.pass', 'client.logon']);

/** The property's finalRestart: the last start of the IMC, after a stop, with nothing but probes since. */
function finalRestart(h: History): number {
  const k = h.steps.length - 1 - [...h.steps].reverse().findIndex((s) => isImc(s.op, 'service.start'));
  if (k >= h.steps.length || k < 1) return -1;
  const probesOnly = h.steps.slice(k + 1).every((s) => PROBES.has(s.op.op));
  return probesOnly && isImc(h.steps[k - 1]!.op, 'service.stop') ? k : -1;
}

/**
 * R1: the restart it judges, while it is still the final one and in had gone missing before
 * its stop: the mail after it must flow. And if the history ends with a stop of the IMC,
 * whether in was missing before it (a start next would make it the restart's stop).
 */
const restartRecreatesIn: Monitor = (h, ctx) => {
  const n = h.steps.length;
  const lastStop = n > 0 && isImc(h.steps[n - 1]!.op, 'service.stop') ? inMissing(before(h, n - 1)) : null;
  const k = finalRestart(h);
  const active = k >= 0 && inMissing(before(h, k - 1));
  return { lastStop, restart: active ? flowWatch(h, ctx, (i) => i > k) : null };
};

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q146791-S1 low disk refuses inbound mail': local,
  'Q146791-S2 missing in refuses inbound mail': local,
  'Q146791-S3 stopping shows error 0008 and stops': local,
  'Q146791-R1 restart recreates in': restartRecreatesIn,
  'Q146791-M1 accepted call logs 4055': local,
  'Q146791-M1 a call may be refused': local,
};
