// Heal, then converge: after any property's story, the nemesis heals every fault it injected
// and time passes; then the server must have done its job. Every acknowledged message is in
// its recipient's mailbox or was returned to its sender (mail for the Internet was sent), the
// spool and the queues are empty, and the connector runs, except where an article documents a
// defect that keeps it from that (the defect's claim is cited in the verdict).

import * as fc from 'fast-check';
import { OPERATIONS } from '../src/faults/catalogue.ts';
import type { Op } from '../src/faults/operations.ts';
import { releasesOf } from '../src/harness/claims.ts';
import type { History } from '../src/harness/history.ts';
import { HOLDS, violated, type Property, type Verdict } from '../src/harness/property.ts';
import { releaseName } from '../src/model/release.ts';
import { excusedUnder } from './defects/index.ts';
import type { Fates } from './fates.ts';
import { IMC, deliveries, fatesOf, imcRunning, performed, stepsOf } from './support.ts';

/** Seconds that must pass after the heal, with nothing else happening, before the server is judged (assumption A-CONVERGE). */
export const CONVERGE_SECONDS = 600;

const HEAL: Op = { op: 'heal' };
const WAIT: Op = { op: 'time.pass', seconds: CONVERGE_SECONDS };
/** Mail sent once the server has converged: a healed server takes it and delivers it, so a heal that mends nothing is seen. */
const PROBE: Op = { op: 'smtp.deliver', to: 'Administrator', mime: 'good', tnef: 'none' };
const SPOOL = /\\imcdata\\(work|in|out)$/i;

/**
 * Where the history healed and then only let time pass long enough (-1 if it did not), and
 * the step of a probe message sent after that wait and given the same time again (if any).
 */
function healedAt(h: History): { heal: number; probe?: number } {
  const waitedAfter = (i: number): number => {
    let waited = 0;
    for (let j = i + 1; j < h.steps.length; j++) {
      const op = h.steps[j]!.op;
      if (op.op !== 'time.pass') return -1;
      waited += op.seconds;
    }
    return waited;
  };
  let i = h.steps.length - 1;
  while (i >= 0 && h.steps[i]!.op.op === 'time.pass') i--;
  if (i < 0) return { heal: -1 };
  const op = h.steps[i]!.op;
  if (op.op === 'heal') return { heal: waitedAfter(i) >= CONVERGE_SECONDS ? i : -1 };
  if (op.op !== 'smtp.deliver' || waitedAfter(i) < CONVERGE_SECONDS) return { heal: -1 };
  let k = i - 1;
  let waited = 0;
  for (; k >= 0 && h.steps[k]!.op.op === 'time.pass'; k--) waited += (h.steps[k]!.op as { seconds: number }).seconds;
  return k >= 0 && h.steps[k]!.op.op === 'heal' && waited >= CONVERGE_SECONDS ? { heal: k, probe: i } : { heal: -1 };
}

/** What a message acknowledged before the heal had to become: delivered (or returned), or sent to the Internet. */
function converged(fates: Fates, id: string, outbound: boolean): boolean {
  const w = fates.where(id);
  if (outbound) return w.places.includes('Internet');
  if (w.places.some((p) => p.startsWith('mailbox '))) return true;
  return w.returnedBy !== undefined && fates.where(w.returnedBy).places.includes('Internet');
}

function acknowledged(h: History, before: number): { id: string; index: number; outbound: boolean }[] {
  const inbound = deliveries(h).filter((d) => d.accepted).map((d) => ({ id: d.messageId, index: d.step.index, outbound: false }));
  const outbound = stepsOf(h, 'client.submit').filter((s) => s.outcome.accepted && s.outcome.messageId).map((s) => ({ id: s.outcome.messageId!, index: s.index, outbound: true }));
  return [...inbound, ...outbound].filter((m) => m.index < before).sort((a, b) => a.index - b.index);
}

function check(h: History): Verdict {
  const { heal: k, probe } = healedAt(h);
  if (k < 0) return HOLDS;
  const last = h.steps.length - 1;
  const end = h.steps[last]!.after;
  const excused = excusedUnder('LIV-1', h);
  const fates = fatesOf(h);
  if (!imcRunning(end) && excused.connectorDown === undefined) return violated('LIV-1', last, `after the heal the connector is ${end.services[IMC]}, not Running`);
  if (probe !== undefined && excused.connectorDown === undefined) {
    const sent = deliveries(h).find((d) => d.step.index === probe);
    if (!sent?.accepted) return violated('LIV-1', probe, `after the heal the connector did not take new mail: ${h.steps[probe]!.outcome.detail}`);
    if (!excused.messages.has(sent.messageId) && !converged(fates, sent.messageId, false)) return violated('LIV-1', last, `${sent.messageId}, sent after the heal, neither reached a mailbox nor was returned to its sender: it is ${fates.where(sent.messageId).places.join(', ') || 'nowhere'}`);
  }
  for (const m of acknowledged(h, k)) {
    const w = fates.where(m.id);
    if (w.destroyed || w.carried || excused.messages.has(m.id) || converged(fates, m.id, m.outbound)) continue;
    const where = w.places.length ? `still in ${w.places.join(', ')}` : w.orphaned ? `in ${w.orphaned}, whose recipient was deleted before it arrived` : 'nowhere';
    return violated('LIV-1', last, `${m.id} (acknowledged at step ${m.index}) ${m.outbound ? 'was not sent to the Internet' : 'neither reached a mailbox nor was returned to its sender'} after the heal: it is ${where}`);
  }
  for (const [dir, n] of Object.entries(end.files)) {
    if (!SPOOL.test(dir) || n === 0) continue;
    const waiting = fates.filesIn(dir).filter((f) => f.id === undefined || !excused.messages.has(f.id));
    if (waiting.length) return violated('LIV-1', last, `after the heal ${dir} still holds ${waiting.map((f) => f.id ?? f.path).join(', ')}`);
  }
  for (const queue of ['MTS-IN', 'MTS-OUT'] as const) {
    const waiting = fates.ids().filter((id) => fates.where(id).places.includes(queue) && !excused.messages.has(id));
    if (waiting.length) return violated('LIV-1', last, `after the heal ${queue} still holds ${waiting.join(', ')}`);
  }
  return HOLDS;
}

/** LIV-1 over the stories of the given properties: each property's scenario, then the heal and time to converge. */
export function liveness(stories: readonly Property[]): Property {
  return {
    name: 'LIV-1 heal, then converge',
    claims: ['LIV-1'],
    checks: `After a story of any property, the nemesis heals every fault it injected and ${CONVERGE_SECONDS} s pass: then every acknowledged message is in its recipient's mailbox or was returned to its sender (or, from a client, was sent), the spool and MTS-IN and MTS-OUT are empty, and the connector runs, and takes and delivers a message sent after the wait; unless an outside agent removed the message, or an article documents a defect that keeps it from converging.`,
    notCovered: 'Histories that do not end with a heal and the wait: LIV-1 says nothing about them.',
    scenario: (r, readings) => {
      const applicable = stories.filter((p) => !p.pending && releasesOf(p.claims).some((x) => releaseName(x) === releaseName(r)));
      return fc.constantFrom(...applicable).chain((p) => p.scenario(r, readings)).map((ops) => [...ops, HEAL, WAIT, PROBE, WAIT]);
    },
    reached: (h) => {
      const k = healedAt(h).heal;
      return k > 0 && performed(h).slice(0, k).flat().some((p) => OPERATIONS[p.op.op].heal !== undefined) && acknowledged(h, k).length > 0;
    },
    check,
  };
}
