// Monitors for Q293288's properties (properties/Q293288.ts).

import { before, type History } from '../../harness/history.ts';
import { failsOnMalformedCharset } from '../../../properties/defects/Q293288.ts';
import { performed } from '../../../properties/performed.ts';
import { FLOW_SECONDS, deliveries, events, imcRunning, readyForMail, transitions } from '../../../properties/support.ts';
import { namedIn12007 } from '../../../properties/texts/Q293288.ts';
import { flowWatch } from './flows.ts';
import type { Monitor } from './monitor.ts';

const affected = (h: History, i: number): boolean => failsOnMalformedCharset(before(h, i).release);
const isFixed = (release: string): boolean => /^5\.5 SP/.test(release) && !failsOnMalformedCharset(release);

/** The property's hanging and storeWedged, at the end and before each step. */
function hangs(h: History): { hungBefore: boolean[]; hung: boolean; wedged: boolean } {
  const byStep = performed(h);
  const hungBefore: boolean[] = [];
  let hung = false;
  let wedged = false;
  for (const s of h.steps) {
    hungBefore.push(hung);
    const restarted = byStep[s.index]!.some((p) => p.op.op === 'reboot' || p.op.op === 'servicePack.apply' || p.op.op === 'storeFix.apply');
    if (restarted) wedged = false;
    else if (hung && transitions(s).some((t) => t.from === 'Running')) wedged = true;
    if (transitions(s).some((t) => t.from === 'Running')) hung = false;
    if (events(s, 3039).length && imcRunning(s.after)) hung = true;
  }
  return { hungBefore, hung, wedged };
}

/** The time the first message with a malformed charset was accepted on an affected release (Infinity: none yet). */
const firstCulpritAt = (h: History): number => deliveries(h).find((d) => d.accepted && d.message.malformedCharset && affected(h, d.step.index))?.step.at ?? Infinity;

/** S1: whether the IMS hangs, whether a culprit came (mail in flight then need not arrive), and the mail in flight. */
const imsStopsProcessing: Monitor = (h, ctx) => {
  const first = firstCulpritAt(h);
  return { hung: hangs(h).hung, culprit: first !== Infinity, flows: flowWatch(h, ctx, (i) => h.steps[i]!.at + FLOW_SECONDS < first) };
};

const restartStopsTheStore: Monitor = (h) => {
  const { hung, wedged } = hangs(h);
  return { hung, wedged };
};

/**
 * C1: the first culprit the running IMS takes in, while its poll is still to come: when it is
 * due, and whether the store has named it yet. Once due (or once something other than time
 * passing came first), what C1 says of it is settled.
 */
const malformedCharsetIsTheCause: Monitor = (h, ctx) => {
  const first = deliveries(h).find((d) => d.accepted && d.message.malformedCharset && affected(h, d.step.index) && readyForMail(before(h, d.step.index)));
  if (!first) return null;
  const due = first.step.at + 15;
  const next = h.steps.find((s) => s.index > first.step.index && s.op.op !== 'time.pass');
  const now = ctx.world.clock.now;
  if (next || now > due) return 'settled';
  const named = h.steps.some((s) => events(s, 12007).some((e) => namedIn12007(e.text) === first.messageId && e.time <= due));
  return { due: due - now, named };
};

/** R1: the resolution's phases (messages moved; store fixed and IMS running; over once something else is done), and the mail in flight after it. */
const moveFixRestart: Monitor = (h, ctx) => {
  const moved = h.steps.findIndex((s) => s.op.op === 'admin.moveIdentified' && s.outcome.ok);
  if (moved < 0) return { phase: 'none' };
  const k = h.steps.findIndex((s) => s.index > moved && isFixed(s.after.release) && imcRunning(s.after));
  if (k < 0) return { phase: 'moved' };
  const AFTER = new Set(['smtp.deliver', 'client.submit', 'client.logon', 'time.pass', 'service.stop', 'service.start']);
  const next = h.steps.findIndex((s) => s.index > k && !AFTER.has(s.op.op));
  const until = next < 0 ? Infinity : next;
  return { phase: next < 0 ? 'resolved' : 'over', flows: flowWatch(h, ctx, (i) => i > k && i < until) };
};

/** R2: the transfer mode chosen and the one the running IMS read, whether it hangs, and the mail in flight. */
const outboundOnly: Monitor = (h, ctx) => {
  const byStep = performed(h);
  let chosen = h.initial.transferMode;
  let active = chosen;
  for (const s of h.steps) {
    for (const p of byStep[s.index]!) if (p.op.op === 'ims.transferMode' && p.outcome.ok) chosen = p.op.mode;
    if (transitions(s).some((t) => t.to === 'Running')) active = chosen;
  }
  const { hungBefore, hung } = hangs(h);
  const window = (i: number) => !h.steps.some((s) => s.at <= h.steps[i]!.at + FLOW_SECONDS && s.index >= i && (hungBefore[s.index]! || events(s, 3039).length > 0));
  return { chosen, active, hung, flows: flowWatch(h, ctx, window) };
};

const fixedStoreTakesIt: Monitor = (h, ctx) => ({ flows: flowWatch(h, ctx, (i) => isFixed(before(h, i).release)) });

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q293288-S1 the IMS stops processing and hangs': imsStopsProcessing,
  'Q293288-S2 a restart stops the store, with the errors': restartStopsTheStore,
  'Q293288-C1 a malformed charset is the cause': malformedCharsetIsTheCause,
  'Q293288-R1 move the messages, fix the store, restart': moveFixRestart,
  'Q293288-R2 outbound only keeps inbound mail out': outboundOnly,
  'Q293288-R3 the fixed store takes a malformed charset': fixedStoreTakesIt,
};
