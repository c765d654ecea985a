// Q168139 — XFOR: IMS Inbound Mail Communication Problem (Exchange 5.0).

import * as fc from 'fast-check';
import { anyOp, only, ops, steps, story } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import type { Snapshot } from '../src/model/snapshot.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import { bothBad } from './defects/Q168139.ts';
import { storeReference } from './reference/store.ts';
import { QUIET, badBadMessage, badHeadersInTurn, mixOf, nearMiss } from './shapes.ts';
import { IMC, describeSent, deliveries, events, flowsEndToEnd, imcRunning, isOp, lowOnDisk, stepsOf, transitions, type Delivery } from './support.ts';

const terminate: Op = { op: 'nt.terminateHungThread' };
const wait = (seconds: number): Op => ({ op: 'time.pass', seconds });

/** Whether the store is deadlocked just before step i (NT terminated a looping thread; no restart since). */
const deadlocked = (h: History): ((i: number) => boolean) => {
  const store = storeReference(h);
  return (i) => store(i).deadlocked;
};


/** The release the claims are about (Q168139 applies to 5.0 as its article was written). */
const AFFECTED = '5.0 SP0';

/** Before the first message with bad headers and bad TNEF was accepted: nothing yet holds the IMS up. */
function beforeFirstBadBad(h: History): (i: number) => boolean {
  const first = deliveries(h).find((d) => bothBad(d.message) && d.accepted)?.step.index ?? Infinity;
  return (i) => i < first;
}

/** The delivery operation that sent each Message-ID. */
function sentBy(h: History): Map<string, Delivery> {
  return new Map(deliveries(h).map((d) => [d.messageId, d] as const));
}

function rewinds(s: Step): string[] {
  return s.seen.flatMap((o) => (o.kind === 'store-thread' && o.state === 'rewinding' ? [o.messageId ?? ''] : []));
}

function addedTo(s: Step, queue: string): string[] {
  return s.seen.flatMap((o) => (o.kind === 'queue' && o.queue === queue && o.change === 'added' ? [o.messageId] : []));
}

/** Bad messages among good ones (one of the two defects without the other too), NT stepping in now and then, clients logging on; a third of the time, then, bad headers of many kinds in turn. */
const loopChaos = (r: Parameters<Property['scenario']>[0]): fc.Arbitrary<Op[]> =>
  story(
    ops(r, { weights: QUIET, maxLength: 3 }),
    fc.array(
      mixOf(
        [3, badBadMessage],
        [2, nearMiss],
        [3, anyOp(r, only({ 'smtp.deliver': 1 }))],
        [3, fc.constant(wait(30))],
        [1, fc.constant(terminate)],
        [1, fc.constantFrom<Op>({ op: 'client.logon', client: 'Mdbvu32' }, { op: 'client.logon', client: 'Exchange Client' })],
        [1, fc.constantFrom<Op>({ op: 'service.start', service: IMC }, { op: 'reboot', directorySeconds: 0, storeSeconds: 10 })],
      ),
      { minLength: 3, maxLength: 14 },
    ),
    fc.oneof({ weight: 2, arbitrary: fc.constant<Op[]>([]) }, { weight: 1, arbitrary: badHeadersInTurn }),
  );

export const onlyBadHeadersAndBadTnefLoop: Property = {
  name: 'Q168139-C1 only bad headers and bad TNEF loop',
  claims: ['Q168139-C1'],
  checks: 'A store thread goes into the rewind loop only on a message whose MIME headers and TNEF are both bad, and such a message is never converted into MTS-IN; until one arrives, the messages the IMS takes in (bad MIME headers alone or bad TNEF alone included) reach their mailboxes.',
  notCovered: 'The deadlock that follows NT\'s termination of the thread is checked through its symptoms (S1, S2, M1).',
  scenario: loopChaos,
  reached: (h) => h.steps.some((s) => rewinds(s).length > 0),
  check: (h) => {
    const ops = sentBy(h);
    // The claim is about the affected release: steps that begin and end on it.
    const onAffected = (i: number) => before(h, i).release === AFFECTED && h.steps[i]!.after.release === AFFECTED;
    const affected = h.steps.filter((s) => onAffected(s.index));
    const clear = beforeFirstBadBad(h);
    return firstViolation([
      ...affected.flatMap((s) => [
        ...rewinds(s).map((id): Verdict => {
          const op = ops.get(id);
          return op && bothBad(op.message) ? HOLDS : violated('Q168139-C1', s.index, `a store thread loops on ${id}, ${op ? describeSent(op.message) : 'a message no one delivered'}`);
        }),
        ...addedTo(s, 'MTS-IN').map((id): Verdict => {
          const op = ops.get(id);
          return op && bothBad(op.message) ? violated('Q168139-C1', s.index, `${id}, ${describeSent(op.message)}, was converted without a loop`) : HOLDS;
        }),
      ]),
      flowsEndToEnd('Q168139-C1', h, (i) => onAffected(i) && clear(i)),
    ]);
  },
};

/** A story that reaches the deadlock: a bad message, time for the IMS to hand it over, NT steps in. */
const deadlockStory = (r: Parameters<Property['scenario']>[0], after: fc.Arbitrary<Op[]>): fc.Arbitrary<Op[]> =>
  story(
    ops(r, { weights: QUIET, maxLength: 4 }),
    badBadMessage.map((op) => [op]),
    steps(wait(30)),
    ops(r, { weights: only({ 'smtp.deliver': 2, 'client.submit': 2, 'client.logon': 1 }), maxLength: 3 }),
    steps(terminate),
    after,
  );

const clientsAfter: fc.Arbitrary<Op[]> = fc
  .array(
    fc.constantFrom<Op[]>(
      [{ op: 'client.logon', client: 'Exchange Client' }],
      [{ op: 'client.logon', client: 'Mdbvu32' }],
      [{ op: 'client.submit', from: 'Alice', to: 'friend@remote.example' }],
      [wait(60)],
      [{ op: 'reboot', directorySeconds: 0, storeSeconds: 10 }],
      // Stopping and starting the store from Control Panel is not a restart of the server (A-DEADLOCK).
      [{ op: 'service.stop', service: 'MSExchangeIS' }],
      [{ op: 'service.start', service: 'MSExchangeIS' }],
      // The administrator's try at bringing the connector back: the store hangs on its way down,
      // and the connector's start waits on it as long as a start may take (ten minutes).
      [{ op: 'service.stop', service: 'MSExchangeIS' }, { op: 'service.start', service: 'MSExchangeIS' }, { op: 'service.start', service: IMC }],
      // A client tries again while the store hangs on its way down.
      [{ op: 'service.stop', service: 'MSExchangeIS' }, { op: 'client.logon', client: 'Exchange Client' }],
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((chunks) => chunks.flat());

export const logonsDoNotComplete: Property = {
  name: 'Q168139-S1 logons do not complete',
  claims: ['Q168139-S1'],
  checks: 'Once NT has terminated the looping thread, and until the server restarts (stopping and starting the store from Control Panel is not enough), no logon by Exchange Client or Mdbvu32 completes; with the store running and no thread terminated, logons complete.',
  scenario: (r) => deadlockStory(r, clientsAfter),
  reached: (h) => {
    const stuck = deadlocked(h);
    return stepsOf(h, 'client.logon').some((s) => stuck(s.index));
  },
  check: (h) => {
    const isDeadlocked = deadlocked(h);
    return firstViolation(
      stepsOf(h, 'client.logon').map((s) => {
        const stuck = isDeadlocked(s.index);
        if (stuck && s.outcome.detail !== 'does not complete') return violated('Q168139-S1', s.index, `a ${s.op.client} logon to the deadlocked store ended: ${s.outcome.detail}`);
        if (!stuck && before(h, s.index).services.MSExchangeIS === 'Running' && s.outcome.detail !== 'completed')
          return violated('Q168139-S1', s.index, `a ${s.op.client} logon did not complete though no thread was terminated: ${s.outcome.detail}`);
        return HOLDS;
      }),
    );
  },
};

const requested = new Set(['service.stop', 'reboot', 'servicePack.apply']);

export const imsShutsDownSilently: Property = {
  name: 'Q168139-S2 IMS shuts down silently',
  claims: ['Q168139-S2', 'Q168139-M2'],
  checks: 'On the deadlocked store, a running IMS is shut down (Control Panel shows it stopped) within a minute, and a step in which it shuts down by itself logs no event.',
  notCovered: 'Steps in which the spool is also in trouble (in missing, disk low): those log Q231737\'s and Q146791\'s events.',
  scenario: (r) =>
    deadlockStory(
      r,
      story(steps(wait(60)), fc.array(fc.constantFrom<Op>(wait(60), { op: 'service.start', service: IMC }, { op: 'smtp.deliver', to: 'Bob', mime: 'good', tnef: 'none' }), { maxLength: 5 })),
    ),
  reached: (h) => {
    const stuck = deadlocked(h);
    return h.steps.some((s) => stuck(s.index) && imcRunning(before(h, s.index)) && isOp(s, 'time.pass') && s.op.seconds >= 60);
  },
  check: (h) => {
    const stuck = deadlocked(h);
    return firstViolation(
      h.steps.map((s) => {
        if (!stuck(s.index)) return HOLDS;
        const b = before(h, s.index);
        if (imcRunning(b) && isOp(s, 'time.pass') && s.op.seconds >= 60 && imcRunning(s.after)) return violated('Q168139-S2', s.index, 'the IMS is still running a minute into the deadlock');
        const shutDown = transitions(s).some((t) => t.from === 'Running') && !requested.has(s.op.op);
        if (!shutDown || !b.spool.in || lowOnDisk(b)) return HOLDS;
        const logged = events(s).filter((e) => e.source === 'MSExchangeIMC');
        return logged.length ? violated('Q168139-M2', s.index, `the IMS logged [${logged.map((e) => e.id).join(', ')}] as it shut down`) : HOLDS;
      }),
    );
  },
};

export const queuesStall: Property = {
  name: 'Q168139-M1 MTS-IN and MTS-OUT stall',
  claims: ['Q168139-M1'],
  checks: 'While the store is deadlocked, no inbound message is moved into MTS-IN and no outbound message is picked up from MTS-OUT; before anything holds the IMS up, both move (inbound mail reaches its mailbox, outbound mail the Internet).',
  scenario: (r) =>
    deadlockStory(r, fc.array(fc.constantFrom<Op>(wait(60), { op: 'service.start', service: IMC }, { op: 'smtp.deliver', to: 'Bob', mime: 'good', tnef: 'none' }), { minLength: 1, maxLength: 6 })),
  reached: (h) => {
    const stuck = deadlocked(h);
    return h.steps.some((s) => stuck(s.index) && isOp(s, 'time.pass') && (inboundWaiting(before(h, s.index)) || before(h, s.index).queues['MTS-OUT'] > 0));
  },
  check: (h) => {
    const stuck = deadlocked(h);
    return firstViolation([
      flowsEndToEnd('Q168139-M1', h, beforeFirstBadBad(h)),
      ...h.steps.map((s) => {
        if (!stuck(s.index)) return HOLDS;
        const inbound = addedTo(s, 'MTS-IN');
        if (inbound.length) return violated('Q168139-M1', s.index, `${inbound[0]} was moved to MTS-IN on the deadlocked store`);
        const out = s.seen.find((o) => o.kind === 'queue' && o.queue === 'MTS-OUT' && o.change === 'removed');
        return out && out.kind === 'queue' ? violated('Q168139-M1', s.index, `${out.messageId} was picked up from MTS-OUT on the deadlocked store`) : HOLDS;
      }),
    ]);
  },
};

const fixedRelease = '5.0 SP2';

export const latestServicePackFixes: Property = {
  name: 'Q168139-T1 the latest service pack fixes it',
  claims: ['Q168139-T1'],
  checks: 'Once the server runs the latest 5.0 service pack, no store thread loops, logons complete while the store runs, and the messages it takes in, those with bad headers and bad TNEF included, reach their mailboxes.',
  scenario: (r) =>
    story(
      loopChaos(r),
      steps({ op: 'servicePack.apply', servicePack: 2 }),
      fc.array(mixOf([3, badBadMessage.map((op) => op)], [3, fc.constant(wait(30))], [1, fc.constant<Op>({ op: 'client.logon', client: 'Mdbvu32' })], [1, fc.constant(terminate)]), { minLength: 2, maxLength: 10 }),
    ),
  reached: (h) => deliveries(h).some((d) => before(h, d.step.index).release === fixedRelease && bothBad(d.message) && d.accepted),
  check: (h) => {
    const fixed = (i: number) => before(h, i).release === fixedRelease;
    return firstViolation([
      ...h.steps.map((s) => {
        if (!fixed(s.index)) return HOLDS;
        if (rewinds(s).length) return violated('Q168139-T1', s.index, `a store thread loops on ${rewinds(s)[0]} on ${fixedRelease}`);
        if (isOp(s, 'client.logon') && before(h, s.index).services.MSExchangeIS === 'Running' && s.outcome.detail !== 'completed')
          return violated('Q168139-T1', s.index, `a logon did not complete on ${fixedRelease}: ${s.outcome.detail}`);
        return HOLDS;
      }),
      flowsEndToEnd('Q168139-T1', h, (i) => fixed(i) && imcRunning(before(h, i))),
    ]);
  },
};

/** Inbound mail waiting in the in directory. */
function inboundWaiting(s: Snapshot): boolean {
  return Object.entries(s.files).some(([dir, n]) => /\\imcdata\\in$/i.test(dir) && n > 0);
}

export const PROPERTIES: readonly Property[] = [onlyBadHeadersAndBadTnefLoop, logonsDoNotComplete, imsShutsDownSilently, queuesStall, latestServicePackFixes];
