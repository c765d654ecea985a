// Q146791 — XFOR: IMC Cannot Receive Message with Missing Folder (Exchange 4.0).

import * as fc from 'fast-check';
import { ops, steps, story } from '../src/faults/arbitraries.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import { DEFAULT_SETTINGS } from '../src/model/world.ts';
import { PROBES, QUIET, atReserve, burst, inTakenAway, lowDisk, restartImc } from './shapes.ts';
import { IMC, deliveries, events, dialogs, flowsEndToEnd, imcRunning, inMissing, lowOnDisk, readyForMail, replies, sentData, stepsOf } from './support.ts';
import { EVENT_4055, PATH_NOT_FOUND, REPLY_421, connectorDisplayName, couldNotStop } from './texts/Q146791.ts';
import { unlike } from './texts/event.ts';

/** Not accepted, and any 421 the client saw is the article's, which closes the connection: nothing is answered after it. */
function notAccepted(claim: string, s: Step, state: string): Verdict {
  if (s.outcome.accepted) return violated(claim, s.index, `the IMC accepted ${s.outcome.messageId} while ${state}`);
  const lines = replies(s);
  const wrong = lines.find((r) => r.startsWith('421') && r !== REPLY_421);
  if (wrong) return violated(claim, s.index, `the 421 reply reads "${wrong}", not "${REPLY_421}"`);
  const at = lines.findIndex((r) => r.startsWith('421'));
  if (at >= 0 && at < lines.length - 1) return violated(claim, s.index, `after "${REPLY_421}" the server went on answering: ${JSON.stringify(lines.slice(at + 1))}`);
  return HOLDS;
}

function deliveriesWhile(h: History, state: (i: number) => boolean): Step[] {
  return deliveries(h).map((d) => d.step).filter((s) => state(s.index));
}

/** The permitted behaviour beside the prohibition: while nothing stands in its way, the IMC does take mail. */
function takesMailWhenReady(claim: string, h: History): Verdict {
  const refused = deliveries(h).find((d) => !d.accepted && readyForMail(before(h, d.step.index)));
  return refused ? violated(claim, refused.step.index, `${refused.messageId} was not accepted though the IMC ran with its spool in place and plenty of space: ${refused.step.outcome.detail}`) : HOLDS;
}

const lowWhileRunning = (h: History) => (i: number) => imcRunning(before(h, i)) && lowOnDisk(before(h, i));
const inGoneWhileRunning = (h: History) => (i: number) => imcRunning(before(h, i)) && inMissing(before(h, i));
// 4055 is about the move from work to in: it needs work to be there.
const onlyInGone = (h: History) => (i: number) => inGoneWhileRunning(h)(i) && before(h, i).spool.work;

export const lowDiskRefuses: Property = {
  name: 'Q146791-S1 low disk refuses inbound mail',
  claims: ['Q146791-S1'],
  checks: 'Every SMTP delivery made while the IMC runs with free space under its reserve is not accepted; any 421 it answers is the article\'s; with space above the reserve and its spool in place, it accepts.',
  notCovered: 'What "low" means is interpretation lowDisk: under its reserve (default) or too little for the message.',
  scenario: (r) => story(ops(r, { maxLength: 6 }), lowDisk, ops(r, { weights: { ...PROBES, 'disk.fill': 1, 'disk.free': 1 }, minLength: 1, maxLength: 8 }), fc.constantFrom([], atReserve)),
  reached: (h) => deliveriesWhile(h, lowWhileRunning(h)).length > 0,
  check: (h) => firstViolation([...deliveriesWhile(h, lowWhileRunning(h)).map((s) => notAccepted('Q146791-S1', s, 'low on disk space')), takesMailWhenReady('Q146791-S1', h)]),
};

export const missingInRefuses: Property = {
  name: 'Q146791-S2 missing in refuses inbound mail',
  claims: ['Q146791-S2'],
  checks: 'Every SMTP delivery made while the IMC runs with imcdata\\in removed or renamed is not accepted; any 421 it answers is the article\'s; the IMC keeps running without in (until it is stopped); with in in place (and space, and its rights), it accepts.',
  scenario: (r) => story(ops(r, { maxLength: 6 }), inTakenAway, ops(r, { weights: PROBES, minLength: 1, maxLength: 8 })),
  reached: (h) => deliveriesWhile(h, inGoneWhileRunning(h)).length > 0,
  check: (h) => firstViolation([...deliveriesWhile(h, inGoneWhileRunning(h)).map((s) => notAccepted('Q146791-S2', s, 'in was missing')), keepsRunningWithoutIn(h), takesMailWhenReady('Q146791-S2', h)]),
};

/** Operations after which a service may have stopped for reasons of its own. */
const STOPPING = new Set(['service.stop', 'reboot', 'servicePack.apply', 'heal']);

/** The article's IMC runs on with in gone (S2: "while the IMC runs"; S3 stops it from Control Panel; M1 logs 4055): it does not stop by itself. */
function keepsRunningWithoutIn(h: History): Verdict {
  const s = h.steps.find((x) => imcRunning(before(h, x.index)) && inMissing(x.after) && !imcRunning(x.after) && !STOPPING.has(x.op.op));
  return s ? violated('Q146791-S2', s.index, `the IMC stopped by itself (${s.after.services[IMC]}) when in was gone, at ${s.op.op}`) : HOLDS;
}

function stopsInTrouble(h: History): Step[] {
  return stepsOf(h, 'service.stop').filter((s) => s.op.service === IMC && imcRunning(before(h, s.index)) && (inMissing(before(h, s.index)) || lowOnDisk(before(h, s.index))));
}

/** Control Panel stops of the running IMC with in in place and space above the reserve: nothing to report. */
function healthyStops(h: History): Step[] {
  return stepsOf(h, 'service.stop').filter((s) => s.op.service === IMC && imcRunning(before(h, s.index)) && !inMissing(before(h, s.index)) && !lowOnDisk(before(h, s.index)));
}

export const stopShowsError: Property = {
  name: 'Q146791-S3 stopping shows error 0008 and stops',
  claims: ['Q146791-S3'],
  checks: 'Stopping the running IMC from Control Panel while in is missing or the disk is low shows the article\'s dialog, and the IMC ends up stopped; stopping it with in in place and space above the reserve shows no dialog.',
  scenario: (r) =>
    story(
      ops(r, { maxLength: 5 }),
      fc.oneof(inTakenAway, lowDisk, steps()),
      ops(r, { weights: PROBES, maxLength: 3 }),
      steps({ op: 'service.stop', service: IMC }),
      ops(r, { weights: PROBES, maxLength: 3 }),
    ),
  reached: (h) => stopsInTrouble(h).length > 0,
  check: (h) => {
    const expected = couldNotStop(connectorDisplayName(h.release.version), DEFAULT_SETTINGS.serverName);
    return firstViolation([
      ...stopsInTrouble(h).map((s) => {
        if (!dialogs(s).includes(expected)) return violated('Q146791-S3', s.index, `Control Panel showed ${JSON.stringify(dialogs(s))}, not the article's dialog`);
        if (s.after.services[IMC] !== 'Stopped') return violated('Q146791-S3', s.index, `the IMC is ${s.after.services[IMC]} after the stop, not Stopped`);
        return HOLDS;
      }),
      ...healthyStops(h).map((s) => (dialogs(s).length ? violated('Q146791-S3', s.index, `stopping the healthy IMC showed ${JSON.stringify(dialogs(s))}`) : HOLDS)),
    ]);
  },
};

/** The story of the resolution: in goes away while the IMC runs; the IMC is stopped and started; mail is tried. */
const resolutionStory = (r: Parameters<Property['scenario']>[0]) =>
  story(
    ops(r, { weights: QUIET, maxLength: 6 }),
    inTakenAway,
    ops(r, { weights: PROBES, maxLength: 3 }),
    steps(...restartImc),
    ops(r, { weights: PROBES, minLength: 1, maxLength: 4 }),
    burst,
  );

/** The last stop-and-start of the IMC, if everything after it is only probing. */
function finalRestart(h: History): number {
  const k = h.steps.length - 1 - [...h.steps].reverse().findIndex((s) => s.op.op === 'service.start' && s.op.service === IMC);
  if (k >= h.steps.length || k < 1) return -1;
  const probesOnly = h.steps.slice(k + 1).every((s) => s.op.op === 'smtp.deliver' || s.op.op === 'time.pass' || s.op.op === 'client.logon' || s.op.op === 'client.submit');
  const stopped = h.steps[k - 1]!.op;
  return probesOnly && stopped.op === 'service.stop' && stopped.service === IMC ? k : -1;
}

export const restartRecreatesIn: Property = {
  name: 'Q146791-R1 restart recreates in',
  claims: ['Q146791-R1'],
  checks: 'After in went missing, stopping and starting the IMC leaves it running with in recreated, and the mail tried afterwards is accepted and reaches its mailbox within a minute, each message of a burst in or out too (A-FLOW).',
  notCovered: 'Only histories without other reasons not to start (administrator mailbox, permissions, disk space): the resolution is about the missing directory.',
  scenario: resolutionStory,
  reached: (h) => {
    const k = finalRestart(h);
    return k > 0 && inMissing(before(h, k - 1));
  },
  check: (h) => {
    const k = finalRestart(h);
    if (k < 0 || !inMissing(before(h, k - 1))) return HOLDS;
    const start = h.steps[k]!;
    if (start.after.services[IMC] !== 'Running') return violated('Q146791-R1', k, `the IMC is ${start.after.services[IMC]} after the restart`);
    if (inMissing(start.after)) return violated('Q146791-R1', k, 'the IMC started but did not recreate in');
    const refused = h.steps.slice(k + 1).find((s) => s.op.op === 'smtp.deliver' && !s.outcome.accepted);
    if (refused) return violated('Q146791-R1', refused.index, `mail is still not accepted after the restart: ${refused.outcome.detail}`);
    return flowsEndToEnd('Q146791-R1', h, (i) => i > k);
  },
};

/** The IMC took the message into work in this step: the move to in is what 4055 reports. */
const wroteToWork = (s: Step): boolean => s.seen.some((o) => o.kind === 'file' && o.change === 'written' && /\\work\\[^\\]+$/i.test(o.path));

export const acceptedCallLogs4055: Property = {
  name: 'Q146791-M1 accepted call logs 4055',
  claims: ['Q146791-M1'],
  checks: 'With in missing, a call whose message the IMC takes into work is rejected and logs event 4055 with the article\'s source, type, category and text, naming the same file in work and in; every such 4055 comes from such a call.',
  scenario: (r) => story(ops(r, { maxLength: 6 }), inTakenAway, ops(r, { weights: PROBES, minLength: 1, maxLength: 8 })),
  reached: (h) => deliveriesWhile(h, onlyInGone(h)).some(wroteToWork),
  check: (h) =>
    firstViolation(
      h.steps.map((s) => {
        const pathNotFound = events(s, 4055).filter((e) => e.text?.endsWith(PATH_NOT_FOUND));
        const inTrouble = s.op.op === 'smtp.deliver' && onlyInGone(h)(s.index);
        if (!inTrouble) return pathNotFound.length ? violated('Q146791-M1', s.index, 'event 4055 was logged though in was not missing during a call') : HOLDS;
        if (!sentData(s)) return HOLDS; // the call was refused: the article allows that
        if (!wroteToWork(s)) return HOLDS; // the message never reached work: no move to report
        if (s.outcome.accepted) return violated('Q146791-M1', s.index, 'the mail was accepted with in missing');
        const e = events(s, 4055)[0];
        if (!e) return violated('Q146791-M1', s.index, 'the mail was rejected but no event 4055 was logged');
        const wrong = unlike(EVENT_4055, e) ?? (e.text?.endsWith(PATH_NOT_FOUND) ? undefined : `event 4055's last line is not the article's: ${e.text?.split('\n').at(-1)}`);
        return wrong ? violated('Q146791-M1', s.index, wrong) : HOLDS;
      }),
    ),
};

/** A call the IMC turned away at its greeting (before any command). */
function refusedAtGreeting(s: Step): boolean {
  const first = s.seen.find((o) => o.kind === 'smtp' && o.side === 'server');
  return first !== undefined && first.kind === 'smtp' && first.line.startsWith('421');
}

export const refusedCallsSayWhy: Property = {
  name: 'Q146791-M1 a call may be refused',
  claims: ['Q146791-M1'],
  checks: "With in missing, a call the IMC refuses is turned away at its greeting with the article's 421 reply and logs no 4055; the running IMC turns calls away only while in is missing or the disk is low.",
  notCovered: 'Which calls are refused and which accepted is interpretation missingInCalls; the accepted ones are the other M1 property\'s.',
  scenario: (r) => story(ops(r, { maxLength: 4 }), inTakenAway, ops(r, { weights: { ...PROBES, 'time.pass': 3 }, minLength: 1, maxLength: 8 })),
  reached: (h) => deliveriesWhile(h, onlyInGone(h)).some(refusedAtGreeting),
  check: (h) =>
    firstViolation(
      deliveriesWhile(h, (i) => imcRunning(before(h, i))).map((s) => {
        if (!refusedAtGreeting(s)) return HOLDS;
        const b = before(h, s.index);
        if (!inMissing(b) && !lowOnDisk(b)) return violated('Q146791-M1', s.index, 'the IMC turned a call away though in was there and space plentiful');
        const wrong = replies(s).find((r) => r.startsWith('421') && r !== REPLY_421);
        if (wrong) return violated('Q146791-M1', s.index, `the 421 reply reads "${wrong}", not "${REPLY_421}"`);
        return events(s, 4055).length ? violated('Q146791-M1', s.index, 'a call turned away at the greeting logged 4055') : HOLDS;
      }),
    ),
};

export const PROPERTIES: readonly Property[] = [lowDiskRefuses, missingInRefuses, stopShowsError, restartRecreatesIn, acceptedCallLogs4055, refusedCallsSayWhy];

