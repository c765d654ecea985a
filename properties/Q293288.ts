// Q293288 — XFOR: Malformed SMTP Messages in the Internet Mail Service (Exchange 5.5).

import * as fc from 'fast-check';
import { ops, steps, story, writer } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import type { Release } from '../src/model/release.ts';
import { failsOnMalformedCharset } from './defects/Q293288.ts';
import { performed } from './performed.ts';
import { QUIET, mixOf, probingWith, restartImc } from './shapes.ts';
import { FLOW_SECONDS, IMC, deliveries, events, flowsEndToEnd, imcRunning, isOp, readyForMail, stepsOf, transitions } from './support.ts';
import { unlike } from './texts/event.ts';
import { EVENTS, namedIn12007, namedIn4182 } from './texts/Q293288.ts';

const wait = (seconds: number): Op => ({ op: 'time.pass', seconds });

/** Q293288's cause: a message whose text part says `charset = ""`. */
const culprit: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('smtp.deliver' as const),
  to: fc.constantFrom('Alice', 'Bob'),
  mime: fc.constant('good' as const),
  tnef: fc.constantFrom('none' as const, 'good' as const),
  writer,
  charset: fc.constant('malformed' as const),
});

const plain: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('smtp.deliver' as const),
  to: fc.constantFrom('Alice', 'Bob'),
  mime: fc.constant('good' as const),
  tnef: fc.constantFrom('none' as const, 'good' as const),
  writer,
  charset: fc.constantFrom('us-ascii' as const, 'iso-8859-1' as const),
});

/** Not the cause: a multipart whose one defect is on its text part too, but not its charset (a transfer encoding no entity may have). */
const elsewhereOnAPart: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('smtp.deliver' as const),
  to: fc.constantFrom('Alice', 'Bob'),
  mime: fc.constant('bad-transfer-encoding' as const),
  tnef: fc.constant('good' as const),
  // The spellings that put that defect on the text part, where the charset is.
  writer: fc.constantFrom('exchange' as const, 'other' as const),
  charset: fc.constantFrom('us-ascii' as const, 'iso-8859-1' as const),
});

/** What a user does to see whether mail moves (shapes.ts), with this article's plain messages. */
const probing = probingWith(plain);

/** Whether the store of the release before step i fails on a malformed charset. */
const affected = (h: History, i: number): boolean => failsOnMalformedCharset(before(h, i).release);

/**
 * The IMS hangs on the store's error, step by step: from a step that logs 3039 and leaves the
 * IMS Running, until the IMS leaves Running or the server restarts (all read off the journal).
 */
function hanging(h: History): (i: number) => boolean {
  const states: boolean[] = [];
  let hung = false;
  for (const s of h.steps) {
    states.push(hung);
    if (transitions(s).some((t) => t.from === 'Running')) hung = false;
    if (events(s, 3039).length && imcRunning(s.after)) hung = true;
  }
  return (i) => states[i] ?? false;
}

/** After the hung IMS was stopped, the store does not respond until the server restarts. */
function storeWedged(h: History): (i: number) => boolean {
  const hung = hanging(h);
  const byStep = performed(h);
  const states: boolean[] = [];
  let wedged = false;
  for (const s of h.steps) {
    states.push(wedged);
    const restarted = byStep[s.index]!.some((p) => p.op.op === 'reboot' || p.op.op === 'servicePack.apply' || p.op.op === 'storeFix.apply');
    // A restart of the server clears it; stopping the hung IMS any other way leaves the store with the failed call.
    if (restarted) wedged = false;
    else if (hung(s.index) && transitions(s).some((t) => t.from === 'Running')) wedged = true;
  }
  return (i) => states[i] ?? false;
}

/** Mail must flow while no message with a malformed charset arrives on an affected release: the first one stops everything still in flight. */
function clearOfCulprits(h: History): (i: number) => boolean {
  const first = deliveries(h).find((d) => d.accepted && d.message.malformedCharset && affected(h, d.step.index))?.step.at ?? Infinity;
  return (i) => h.steps[i]!.at + FLOW_SECONDS < first;
}

const requested = new Set(['service.stop', 'reboot', 'servicePack.apply', 'storeFix.apply', 'heal']);

export const imsStopsProcessing: Property = {
  name: 'Q293288-S1 the IMS stops processing and hangs',
  claims: ['Q293288-S1'],
  checks: 'Once the store has failed on a message with a malformed charset (3039), the IMS still shows Running but, until it is stopped or the server restarts, takes no inbound mail and moves nothing into MTS-IN or out of MTS-OUT; before such a message arrives, mail flows.',
  scenario: (r) => story(ops(r, { weights: QUIET, maxLength: 3 }), fc.array(probing, { maxLength: 3 }), culprit.map((op) => [op]), steps(wait(30)), fc.array(probing, { minLength: 1, maxLength: 6 })),
  reached: (h) => {
    const hung = hanging(h);
    return h.steps.some((s) => hung(s.index) && (isOp(s, 'smtp.deliver') || isOp(s, 'time.pass')));
  },
  check: (h) => {
    const hung = hanging(h);
    return firstViolation([
      ...h.steps.map((s): Verdict => {
        if (events(s, 3039).length && !imcRunning(s.after) && !requested.has(s.op.op)) return violated('Q293288-S1', s.index, `the IMS is ${s.after.services[IMC]} after the store failed under it, not hanging in Running`);
        if (!hung(s.index)) return HOLDS;
        if (isOp(s, 'smtp.deliver') && s.outcome.accepted) return violated('Q293288-S1', s.index, `the hung IMS took ${s.outcome.messageId} in`);
        const moved = s.seen.find((o) => o.kind === 'queue' && ((o.queue === 'MTS-IN' && o.change === 'added') || (o.queue === 'MTS-OUT' && o.change === 'removed')));
        if (moved && moved.kind === 'queue') return violated('Q293288-S1', s.index, `the hung IMS moved ${moved.messageId} ${moved.queue === 'MTS-IN' ? 'into MTS-IN' : 'out of MTS-OUT'}`);
        if (!imcRunning(s.after) && !requested.has(s.op.op)) return violated('Q293288-S1', s.index, `the hung IMS went ${s.after.services[IMC]} by itself`);
        return HOLDS;
      }),
      flowsEndToEnd('Q293288-S1', h, clearOfCulprits(h)),
    ]);
  },
};

export const restartStopsTheStore: Property = {
  name: 'Q293288-S2 a restart stops the store, with the errors',
  claims: ['Q293288-S2'],
  checks: "Stopping the hung IMS to restart it logs some of 4116, 3039, 12007, 4182 and 4102 with the article's texts (4182 naming the spool file of the message in hand), and from then until the server restarts the store does not respond: no logon completes.",
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 2 }),
      culprit.map((op) => [op]),
      steps(wait(30)),
      fc.array(probing, { maxLength: 2 }),
      steps(...restartImc),
      fc.array(mixOf([3, fc.constant<Op>({ op: 'client.logon', client: 'Exchange Client' })], [2, probing], [1, fc.constant<Op>({ op: 'reboot', directorySeconds: 0, storeSeconds: 10 })]), { minLength: 1, maxLength: 5 }),
    ),
  reached: (h) => {
    const hung = hanging(h);
    return stepsOf(h, 'service.stop').some((s) => hung(s.index));
  },
  check: (h) => {
    const hung = hanging(h);
    const wedged = storeWedged(h);
    const spoolFiles = new Set(h.steps.flatMap((s) => s.seen.flatMap((o) => (o.kind === 'file' ? [o.path, o.to ?? ''].map((p) => p.slice(p.lastIndexOf('\\') + 1).toLowerCase()) : []))));
    return firstViolation(
      h.steps.map((s): Verdict => {
        if (hung(s.index) && isOp(s, 'service.stop') && s.op.service === IMC) {
          const logged = events(s).filter((e) => EVENTS.some((x) => x.id === e.id));
          if (!logged.length) return violated('Q293288-S2', s.index, `stopping the hung IMS logged [${events(s).map((e) => e.id).join(', ')}], none of 4116, 3039, 12007, 4182, 4102`);
          for (const e of logged) {
            const wrong = unlike(EVENTS.find((x) => x.id === e.id)!, e);
            if (wrong) return violated('Q293288-S2', s.index, wrong);
            const file = e.id === 4182 ? namedIn4182(e.text) : undefined;
            if (file !== undefined && !spoolFiles.has(file.toLowerCase())) return violated('Q293288-S2', s.index, `4182 names spool file ${file}, which never held a message`);
          }
        }
        if (wedged(s.index) && isOp(s, 'client.logon') && before(h, s.index).services.MSExchangeIS === 'Running' && s.outcome.detail === 'completed')
          return violated('Q293288-S2', s.index, 'a logon completed on the store the restart left not responding');
        return HOLDS;
      }),
    );
  },
};

export const malformedCharsetIsTheCause: Property = {
  name: 'Q293288-C1 a malformed charset is the cause',
  claims: ['Q293288-C1'],
  checks: "The store's content engine fails (12007) only on a message delivered with a malformed charset, naming it; on an affected release, the first such message the running IMS takes in makes it fail within a poll, when nothing else happens meanwhile.",
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 2 }),
      fc.array(mixOf([3, ops(r, { weights: { 'smtp.deliver': 1 }, minLength: 1, maxLength: 1 }).map((x) => x[0]!)], [2, plain], [1, elsewhereOnAPart], [2, culprit], [3, fc.constant(wait(30))]), { minLength: 2, maxLength: 10 }),
    ),
  reached: (h) => h.steps.some((s) => events(s, 12007).length > 0),
  check: (h) => {
    const malformed = new Set(deliveries(h).filter((d) => d.message.malformedCharset).map((d) => d.messageId));
    const named = h.steps.flatMap((s) => events(s, 12007).map((e) => ({ index: s.index, at: e.time, id: namedIn12007(e.text) })));
    const wrongly = named.find((n) => n.id === undefined || !malformed.has(n.id));
    if (wrongly) return violated('Q293288-C1', wrongly.index, `the content engine failed on ${wrongly.id ?? 'a message it does not name'}, which has no malformed charset`);
    const first = deliveries(h).find((d) => d.accepted && d.message.malformedCharset && affected(h, d.step.index) && readyForMail(before(h, d.step.index)));
    if (!first) return HOLDS;
    const due = first.step.at + 15;
    const next = h.steps.find((s) => s.index > first.step.index && !isOp(s, 'time.pass'));
    const end = h.steps.at(-1)!.after.at;
    if ((next && next.at < due) || end < due) return HOLDS;
    return named.some((n) => n.id === first.messageId && n.at <= due) ? HOLDS : violated('Q293288-C1', first.step.index, `${first.messageId}, with a malformed charset, was taken in, but the store did not fail on it within a poll`);
  },
};

/** A release whose store is fixed (5.5 SP4, or SP3 with the post-SP3 store fix), by its name. */
const isFixed = (release: string): boolean => /^5\.5 SP/.test(release) && !failsOnMalformedCharset(release);
const fixed = (h: History, i: number): boolean => isFixed(before(h, i).release);

/** The resolution's end: the first step, after the identified messages were moved, that leaves the store fixed and the IMS running. */
function resolvedAt(h: History): number {
  const moved = h.steps.findIndex((s) => isOp(s, 'admin.moveIdentified') && s.outcome.ok);
  if (moved < 0) return -1;
  return h.steps.findIndex((s) => s.index > moved && isFixed(s.after.release) && imcRunning(s.after));
}

/** What a user does after the resolution to see that it worked: mail, logons, time, the IMS restarted. */
const AFTER_RESOLUTION = new Set(['smtp.deliver', 'client.submit', 'client.logon', 'time.pass', 'service.stop', 'service.start']);

/** The article's resolution, as operations: the messages moved, the store fixed, the IMS restarted. */
function resolution(r: Release): Op[] {
  const fix: Op = r.servicePack === 3 ? { op: 'storeFix.apply', fix: 'post-SP3 store fix' } : { op: 'servicePack.apply', servicePack: 4 };
  return [{ op: 'admin.moveIdentified', dir: 'in' }, { op: 'admin.moveIdentified', dir: 'out' }, fix, ...restartImc];
}

export const moveFixRestart: Property = {
  name: 'Q293288-R1 move the messages, fix the store, restart',
  claims: ['Q293288-R1'],
  checks: 'After the messages the errors name are moved out of Imcdata\\In and Out, the store is fixed (the post-SP3 fix on SP3, or SP4) and the IMS restarted: the IMS runs and the store keeps running (logons complete) while mail in and out flows, end to end.',
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 2 }),
      culprit.map((op) => [op]),
      steps(wait(30)),
      fc.constantFrom<Op[]>([], restartImc, [{ op: 'reboot', directorySeconds: 0, storeSeconds: 10 }]),
      steps(...resolution(r)),
      fc.array(mixOf([3, probing], [1, fc.constant<Op>({ op: 'client.logon', client: 'Exchange Client' })]), { minLength: 2, maxLength: 8 }),
    ),
  reached: (h) => resolvedAt(h) >= 0,
  check: (h) => {
    const k = resolvedAt(h);
    if (k < 0) return HOLDS;
    // What R1 promises holds from the resolution until something else is changed (the article's later steps, a fault).
    const next = h.steps.findIndex((s) => s.index > k && !AFTER_RESOLUTION.has(s.op.op));
    const until = next < 0 ? h.steps.length : next;
    return firstViolation([
      ...h.steps.slice(k + 1, until).map((s): Verdict => {
        if (!imcRunning(s.after) && !requested.has(s.op.op)) return violated('Q293288-R1', s.index, `the IMS is ${s.after.services[IMC]} after the resolution`);
        if (isOp(s, 'client.logon') && before(h, s.index).services.MSExchangeIS === 'Running' && s.outcome.detail !== 'completed') return violated('Q293288-R1', s.index, `a logon did not complete after the resolution: ${s.outcome.detail}`);
        if (isOp(s, 'smtp.deliver') && !s.outcome.accepted) return violated('Q293288-R1', s.index, `mail was not accepted after the resolution: ${s.outcome.detail}`);
        return HOLDS;
      }),
      flowsEndToEnd('Q293288-R1', h, (i) => i > k && i < until),
    ]);
  },
};

/** The transfer mode the running IMS read when it last started: the last one chosen with OK before that start. */
function activeMode(h: History): (i: number) => string {
  const byStep = performed(h);
  const states: string[] = [];
  let chosen = h.initial.transferMode;
  let active = chosen;
  for (const s of h.steps) {
    states.push(active);
    for (const p of byStep[s.index]!) if (p.op.op === 'ims.transferMode' && p.outcome.ok) chosen = p.op.mode;
    if (transitions(s).some((t) => t.to === 'Running')) active = chosen;
  }
  return (i) => states[i] ?? active;
}

const mode = (m: 'outbound-only' | 'inbound-and-outbound'): Op[] => [{ op: 'ims.transferMode', mode: m }, ...restartImc];

export const outboundOnly: Property = {
  name: 'Q293288-R2 outbound only keeps inbound mail out',
  claims: ['Q293288-R2'],
  checks: 'With the IMS restarted in transfer mode Outbound only, no inbound SMTP mail is taken while outbound mail reaches the Internet; restarted in Inbound and outbound again, it takes inbound mail and delivers it.',
  scenario: (r) => story(ops(r, { weights: QUIET, maxLength: 2 }), steps(...mode('outbound-only')), fc.array(probing, { minLength: 2, maxLength: 5 }), steps(...mode('inbound-and-outbound')), fc.array(probing, { minLength: 1, maxLength: 4 })),
  reached: (h) => {
    const active = activeMode(h);
    return deliveries(h).some((d) => active(d.step.index) === 'outbound-only' && imcRunning(before(h, d.step.index)));
  },
  check: (h) => {
    const active = activeMode(h);
    const hung = hanging(h);
    return firstViolation([
      ...deliveries(h).map((d): Verdict => {
        const b = before(h, d.step.index);
        if (active(d.step.index) === 'outbound-only' && d.accepted) return violated('Q293288-R2', d.step.index, `${d.messageId} was taken in though the IMS runs outbound only`);
        if (active(d.step.index) === 'inbound-and-outbound' && readyForMail(b) && !hung(d.step.index) && !d.accepted) return violated('Q293288-R2', d.step.index, `${d.messageId} was not taken in though the IMS runs inbound and outbound: ${d.step.outcome.detail}`);
        return HOLDS;
      }),
      // Mail flows under either mode, but not while the IMS hangs on a malformed message (S1).
      flowsEndToEnd('Q293288-R2', h, (i) => !h.steps.some((s) => s.at <= h.steps[i]!.at + FLOW_SECONDS && s.index >= i && (hung(s.index) || events(s, 3039).length > 0))),
    ]);
  },
};

export const fixedStoreTakesIt: Property = {
  name: 'Q293288-R3 the fixed store takes a malformed charset',
  claims: ['Q293288-R3'],
  checks: "On 5.5 SP4, or SP3 with the post-SP3 store fix, a message with a malformed charset makes neither the store nor the IMS fail (no 12007, no 3039) and reaches its mailbox like any other.",
  scenario: (r) =>
    story(
      r.servicePack === 3 ? steps({ op: 'storeFix.apply', fix: 'post-SP3 store fix' }) : steps(),
      fc.array(mixOf([3, culprit], [2, probing]), { minLength: 2, maxLength: 8 }),
      steps(wait(60)),
    ),
  reached: (h) => deliveries(h).some((d) => d.accepted && d.message.malformedCharset && fixed(h, d.step.index)),
  check: (h) =>
    firstViolation([
      ...h.steps.map((s): Verdict => {
        if (!fixed(h, s.index)) return HOLDS;
        const failed = events(s).find((e) => e.id === 12007 || e.id === 3039);
        return failed ? violated('Q293288-R3', s.index, `event ${failed.id} on ${before(h, s.index).release}, whose store is fixed`) : HOLDS;
      }),
      flowsEndToEnd('Q293288-R3', h, (i) => fixed(h, i)),
    ]),
};

export const PROPERTIES: readonly Property[] = [imsStopsProcessing, restartStopsTheStore, malformedCharsetIsTheCause, moveFixRestart, outboundOnly, fixedStoreTakesIt];
