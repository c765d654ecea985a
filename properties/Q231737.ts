// Q231737 — XIMS: Internet Mail Service Doesn't Start; Logs 4070 and 4131 (4.0, 5.0, 5.5).

import * as fc from 'fast-check';
import { ops, steps, story } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import type { Snapshot } from '../src/model/snapshot.ts';
import { FLOW, excusedUnder } from './defects/index.ts';
import { storeReference } from './reference/store.ts';
import { PROBES, QUIET, inTakenAway, restartImc } from './shapes.ts';
import { IMC, deliveries, events, flowsEndToEnd, imcRunning, inMissing, isOp, lowOnDisk, otherSpoolMissing, readyForMail, sentData, spoolUnwritable, stepsOf, transitions } from './support.ts';
import { unlike } from './texts/event.ts';
import { EVENT_4070, EVENT_4131 } from './texts/Q231737.ts';

const IN = 'c:\\exchsrvr\\imcdata\\in';
const IMCDATA = 'c:\\exchsrvr\\imcdata';

export const mailStopsFlowing: Property = {
  name: 'Q231737-S1 mail stops flowing without in',
  claims: ['Q231737-S1'],
  checks: 'No SMTP delivery is accepted while in is missing, whatever the free space; while the service runs with its spool in place, its rights intact and plenty of space, every delivery is accepted.',
  scenario: (r) => story(ops(r, { maxLength: 5 }), inTakenAway, ops(r, { weights: { ...PROBES, 'service.start': 1, 'service.stop': 1 }, minLength: 1, maxLength: 8 })),
  reached: (h) => deliveries(h).some((d) => inMissing(before(h, d.step.index)) && !lowOnDisk(before(h, d.step.index))),
  check: (h) =>
    firstViolation(
      deliveries(h).map((d) => {
        const b = before(h, d.step.index);
        if (inMissing(b) && d.accepted) return violated('Q231737-S1', d.step.index, `${d.messageId} was accepted while in was missing`);
        // The permitted behaviour happens too: mail flowed before in went away.
        if (readyForMail(b) && !d.accepted) return violated('Q231737-S1', d.step.index, `${d.messageId} was not accepted though the service ran with its spool in place: ${d.step.outcome.detail}`);
        return HOLDS;
      }),
    ),
};

/** The store holds the IMS up (Q168139): deadlocked, or its inbound thread waiting on a looping store thread; it is not looking at its spool then. */
const heldUpByStore = (h: History): ((i: number) => boolean) => {
  const store = storeReference(h);
  return (i) => store(i).deadlocked || store(i).imsWaiting;
};

/** Steps in which the running IMS, with plenty of disk space, must have touched its spool: time for a poll, or a message to the end. */
function touchesSpool(h: History, s: Step, stuck: (i: number) => boolean): boolean {
  const b = before(h, s.index);
  if (!imcRunning(b) || !inMissing(b) || stuck(s.index) || lowOnDisk(b)) return false;
  return (isOp(s, 'time.pass') && s.op.seconds >= 60) || (isOp(s, 'smtp.deliver') && sentData(s));
}

const requested = new Set(['service.stop', 'reboot', 'servicePack.apply']);

function logged4070Then4131(s: Step): string | undefined {
  const ids = events(s).map((e) => e.id);
  const i = ids.indexOf(4070);
  if (i < 0 || ids.indexOf(4131, i) < 0) return `the events logged were [${ids.join(', ')}], not 4070 then 4131`;
  return unlike(EVENT_4070, events(s, 4070)[0]!) ?? unlike(EVENT_4131, events(s, 4131)[0]!);
}

/** Every 4070 logged while the service is starting must mark a start that failed: it goes on to Stopped, never Running. */
function failedStartsStop(seen: Step['seen'], step: number): Verdict {
  let starting = false;
  let spoolFailed = false;
  for (const o of seen) {
    if (o.kind === 'service' && o.service === IMC) {
      if (starting && spoolFailed && o.to === 'Running') return violated('Q231737-S2', step, 'the IMS logged 4070 while starting, and started anyway');
      starting = o.to === 'StartPending';
      spoolFailed = false;
    }
    if (o.kind === 'event' && o.entry.id === 4070 && starting) spoolFailed = true;
  }
  return HOLDS;
}

/**
 * Whether the IMS reached Running in step `s` though its service account could not write to a
 * spool directory (by the permissions shown) from the moment the start began until it ran:
 * the start then cannot have used its spool.
 */
function startedWithoutItsSpool(h: History, s: Step): string | undefined {
  if (!transitions(s).some((t) => t.to === 'Running')) return undefined;
  let from = s.index;
  while (from >= 0 && !transitions(h.steps[from]!).some((t) => t.to === 'StartPending')) from--;
  if (from < 0) return undefined;
  let blocked = spoolUnwritable(before(h, from));
  for (let i = from; i <= s.index; i++) blocked = blocked.filter((d) => spoolUnwritable(h.steps[i]!.after).includes(d));
  return blocked.length > 0 ? `the IMS started though its service account could not write to ${blocked.join(' and ')} from the start's beginning on` : undefined;
}

/** The service account loses its rights on the spool, so that a start cannot use it. */
const spoolUnusable: fc.Arbitrary<Op[]> = fc.constantFrom<Op[]>(
  [{ op: 'acl.remove', dir: 'imcdata', group: 'Exchange service account', subdirectories: true }],
  [{ op: 'acl.set', dir: 'in', group: 'Exchange service account', permission: 'Read', subdirectories: false }],
  [{ op: 'acl.set', dir: 'imcdata', group: 'Everyone', permission: 'No Access', subdirectories: true }],
);

export const imsStopsWithEvents: Property = {
  name: 'Q231737-S2 IMS stops with 4070 and 4131',
  claims: ['Q231737-S2'],
  checks: 'Once the running IMS, with plenty of disk space, touches its spool with in gone (a message to the end of DATA, or a minute for its poller), it is no longer running; every time it stops on its own with in gone, it logs 4070 then 4131 with the article\'s texts; a start that finds its spool unusable (4070) does not start; nor does one while the permissions shown leave the service account no write access to a spool directory.',
  notCovered: 'A store stuck in the Q168139 rewind loop, where the IMS does not look at its spool at all.',
  scenario: (r) =>
    fc.oneof(
      { weight: 3, arbitrary: story(ops(r, { maxLength: 5 }), inTakenAway, ops(r, { weights: { ...PROBES, 'time.pass': 3, 'service.start': 1 }, minLength: 1, maxLength: 6 })) },
      { weight: 1, arbitrary: story(ops(r, { weights: QUIET, maxLength: 3 }), spoolUnusable, steps(...restartImc), ops(r, { weights: PROBES, maxLength: 3 })) },
    ),
  reached: (h) => {
    const stuck = heldUpByStore(h);
    return h.steps.some((s) => touchesSpool(h, s, stuck) || (transitions(s).some((t) => t.to === 'StartPending') && (events(s, 4070).length > 0 || spoolUnwritable(before(h, s.index)).length > 0)));
  },
  check: (h) => {
    const stuck = heldUpByStore(h);
    return firstViolation(
      h.steps.map((s) => {
        if (touchesSpool(h, s, stuck) && imcRunning(s.after)) return violated('Q231737-S2', s.index, 'the IMS is still running after touching its spool with in gone');
        const unusable = startedWithoutItsSpool(h, s);
        if (unusable) return violated('Q231737-S2', s.index, unusable);
        const started = failedStartsStop(s.seen, s.index);
        if (!started.holds) return started;
        const b = before(h, s.index);
        const stoppedItself = transitions(s).some((t) => t.from === 'Running' && t.to === 'Stopped') && !requested.has(s.op.op);
        if (!stoppedItself || !inMissing(b) || stuck(s.index)) return HOLDS;
        const wrong = logged4070Then4131(s);
        return wrong ? violated('Q231737-S2', s.index, wrong) : HOLDS;
      }),
    );
  },
};

/** Restarts of the connector: Control Panel starts in which it actually came up. */
const restarts = (h: History): Step[] =>
  stepsOf(h, 'service.start').filter((s) => s.op.service === IMC && transitions(s).some((t) => t.from === 'Stopped' && t.to === 'StartPending'));
const takesInAway = (op: Op): boolean => (op.op === 'agent.delete' || op.op === 'agent.rename') && op.dir === 'in';

export const restartHelpsUntilDeletedAgain: Property = {
  name: 'Q231737-S3 restart helps until the next deletion',
  claims: ['Q231737-S3'],
  checks: 'After in was deleted, restarting the service makes mail flow again (every delivery accepted, and each accepted message in its mailbox within a minute) until in is taken away again; after that, none is accepted.',
  notCovered: 'Histories with other reasons not to start or not to take mail (administrator mailbox, permissions, disk space).',
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 4 }),
      inTakenAway,
      ops(r, { weights: PROBES, maxLength: 2 }),
      steps(...restartImc),
      ops(r, { weights: PROBES, minLength: 1, maxLength: 3 }),
      inTakenAway,
      ops(r, { weights: PROBES, minLength: 1, maxLength: 3 }),
      steps(...restartImc),
      ops(r, { weights: PROBES, minLength: 1, maxLength: 2 }),
    ),
  reached: (h) => restarts(h).some((s) => inMissing(before(h, Math.max(0, s.index - 1)))),
  check: (h) => {
    const firstLoss = h.steps.findIndex((x) => takesInAway(x.op));
    if (firstLoss < 0) return HOLDS;
    const restarted = new Set(restarts(h).filter((s) => s.index > firstLoss).map((s) => s.index));
    // Walk the history: after each restart mail must flow, until in is taken away again; then it must not.
    let flowing = false;
    let lostAgain = false;
    const window: boolean[] = [];
    for (const s of h.steps) {
      // work or out taken away too: something else the service needs is broken (notCovered), until the next restart.
      if (otherSpoolMissing(before(h, s.index))) flowing = false;
      window.push(flowing);
      if (flowing && isOp(s, 'smtp.deliver') && !s.outcome.accepted) return violated('Q231737-S3', s.index, `mail did not flow after the restart: ${s.outcome.detail}`);
      if (lostAgain && isOp(s, 'smtp.deliver') && s.outcome.accepted && inMissing(before(h, s.index))) return violated('Q231737-S3', s.index, 'mail was accepted after in was taken away again');
      if (restarted.has(s.index) && !otherSpoolMissing(before(h, s.index))) {
        if (!imcRunning(s.after)) return violated('Q231737-S3', s.index, `the service is ${s.after.services[IMC]} after the restart`);
        flowing = true;
        lostAgain = false;
      } else if (takesInAway(s.op) && s.index > firstLoss) {
        lostAgain = flowing;
        flowing = false;
      }
    }
    return flowsEndToEnd('Q231737-S3', h, (i) => window[i] === true, excusedUnder(FLOW, h).messages);
  },
};

function aclEntry(s: Snapshot, dir: string, group: string): string | undefined {
  const acl = Object.entries(s.acls).find(([path]) => path.toLowerCase() === dir)?.[1];
  return acl?.find((ace) => ace.group === group)?.permission;
}

const notReadOnly = (p: string | undefined): boolean => p === 'Change' || p === 'Full Control';

function exists(s: Snapshot, dir: string): boolean {
  return Object.keys(s.acls).some((path) => path.toLowerCase() === dir);
}

/** Agent operations on a running IMS's in, with Everyone's permission on in not Read Only. */
function agentChances(h: History): Step[] {
  return h.steps.filter((s) => {
    const b = before(h, s.index);
    return (isOp(s, 'agent.delete') || isOp(s, 'agent.rename')) && s.op.dir === 'in' && imcRunning(b) && !inMissing(b) && notReadOnly(aclEntry(b, IN, 'Everyone'));
  });
}

/**
 * Everyone given less than Full Control on Imcdata and Change or Full Control on in, then the
 * agent at work: where NT 4 lets Delete on in itself suffice without delete-child on its parent.
 */
const everyoneOnImcdataAndIn: fc.Arbitrary<Op[]> = fc
  .tuple(fc.constantFrom('Read' as const, 'No Access' as const, 'Change' as const), fc.constantFrom('Change' as const, 'Full Control' as const), fc.boolean(), fc.constantFrom<Op>({ op: 'agent.delete', dir: 'in' }, { op: 'agent.rename', dir: 'in', to: 'in.old' }))
  .map(([imcdata, inbound, mail, agent]): Op[] => [
    { op: 'acl.set', dir: 'imcdata', group: 'Everyone', permission: imcdata, subdirectories: false },
    { op: 'acl.set', dir: 'in', group: 'Everyone', permission: inbound, subdirectories: false },
    ...(mail ? [{ op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' } as const] : []),
    agent,
  ]);

export const agentCanRemoveIn: Property = {
  name: 'Q231737-C1 agent can remove in unless Read Only',
  claims: ['Q231737-C1'],
  checks: 'While the IMS runs and Everyone has Change or Full Control on in, an outside agent\'s deletion of in succeeds, and so does a rename when Everyone may also write to Imcdata and the new name is free.',
  scenario: (r) =>
    fc.oneof(
      ops(r, {
        weights: { 'acl.set': 5, 'agent.delete': 6, 'agent.rename': 3, 'admin.recreateDirectory': 4, 'service.start': 2, 'smtp.deliver': 3, 'time.pass': 2, 'acl.remove': 0, 'disk.fill': 0 },
        minLength: 1,
        maxLength: 15,
      }),
      everyoneOnImcdataAndIn,
    ),
  reached: (h) => agentChances(h).length > 0,
  check: (h) =>
    firstViolation(
      agentChances(h).map((s) => {
        const b = before(h, s.index);
        if (isOp(s, 'agent.rename')) {
          const target = `${IMCDATA}\\${s.op.to.toLowerCase()}`;
          if (!notReadOnly(aclEntry(b, IMCDATA, 'Everyone')) || exists(b, target)) return HOLDS;
        }
        if (!s.outcome.ok) return violated('Q231737-C1', s.index, `the agent could not ${s.op.op === 'agent.delete' ? 'delete' : 'rename'} in: ${s.outcome.detail}`);
        return inMissing(s.after) ? HOLDS : violated('Q231737-C1', s.index, 'in is still there after the agent removed it');
      }),
    ),
};

/** The article's resolution, as operations: in verified or recreated, Everyone Read Only on Imcdata, the service restarted. */
export function resolution(subdirectories: boolean): Op[] {
  return [
    { op: 'admin.recreateDirectory', dir: 'in' },
    { op: 'acl.set', dir: 'imcdata', group: 'Everyone', permission: 'Read', subdirectories },
    ...restartImc,
  ];
}

const attacks: fc.Arbitrary<Op> = fc.constantFrom<Op>(
  { op: 'agent.delete', dir: 'in' },
  { op: 'agent.rename', dir: 'in', to: 'in.bak' },
  { op: 'agent.schedule', action: 'delete', dir: 'in', everySeconds: 30 },
  { op: 'time.pass', seconds: 60 },
  { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' },
  { op: 'smtp.deliver', to: 'Bob', mime: 'good', tnef: 'good' },
);

/** Index of the resolution's start: the first start of the IMS after Everyone was made Read Only on Imcdata. */
function resolvedAt(h: History): number {
  const acl = h.steps.findIndex((s, i) => s.op.op === 'acl.set' && s.op.dir === 'imcdata' && s.op.permission === 'Read' && h.steps[i - 1]?.op.op === 'admin.recreateDirectory');
  if (acl < 0) return -1;
  return h.steps.findIndex((s) => s.index > acl && s.op.op === 'service.start' && s.op.service === IMC);
}

export const resolutionProtectsIn: Property = {
  name: 'Q231737-R1 resolution protects in for good',
  claims: ['Q231737-R1'],
  checks: 'After the resolution, the service runs, in is always there, every attempt by an outside agent to delete or rename it fails (scheduled ones too), and every delivery is accepted and reaches its mailbox within a minute.',
  notCovered: 'Histories whose prefix broke something else the service needs (administrator mailbox, service account permissions, disk space).',
  scenario: (r, readings) =>
    story(
      ops(r, { weights: { ...QUIET, 'agent.schedule': 2, 'agent.unschedule': 1 }, maxLength: 8 }),
      steps(...resolution(readings.resolutionAclScope === 'imcdata-and-subdirectories')),
      fc.array(attacks, { minLength: 2, maxLength: 8 }),
    ),
  reached: (h) => {
    const k = resolvedAt(h);
    return k > 0 && h.steps.slice(k + 1).some((s) => takesInAway(s.op) || s.op.op === 'agent.schedule');
  },
  check: (h) => {
    const k = resolvedAt(h);
    if (k < 0 || k >= h.steps.length) return HOLDS;
    if (!imcRunning(h.steps[k]!.after)) return violated('Q231737-R1', k, `the service is ${h.steps[k]!.after.services[IMC]} after the resolution's restart`);
    return firstViolation([
      ...h.steps.slice(k + 1).map((s): Verdict => {
        if (takesInAway(s.op) && s.outcome.ok) return violated('Q231737-R1', s.index, `the outside agent could still ${s.op.op === 'agent.delete' ? 'delete' : 'rename'} in`);
        if (inMissing(s.after)) return violated('Q231737-R1', s.index, 'in is gone again after the resolution');
        // work or out gone (before the resolution or after: it protects in) is something else the service needs (notCovered).
        if (isOp(s, 'smtp.deliver') && !s.outcome.accepted && !otherSpoolMissing(before(h, s.index))) return violated('Q231737-R1', s.index, `mail did not flow after the resolution: ${s.outcome.detail}`);
        return HOLDS;
      }),
      flowsEndToEnd('Q231737-R1', h, (i) => i > k, excusedUnder(FLOW, h).messages),
    ]);
  },
};

export const PROPERTIES: readonly Property[] = [mailStopsFlowing, imsStopsWithEvents, restartHelpsUntilDeletedAgain, agentCanRemoveIn, resolutionProtectsIn];
