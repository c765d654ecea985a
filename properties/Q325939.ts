// Q325939 — XADM: Internet Mail Service Stops w Event ID 12800, 4182, 4102 (Exchange 5.5, SP1 to SP4).

import * as fc from 'fast-check';
import { ops, steps, story, writer } from '../src/faults/arbitraries.ts';
import { HEADER_DEFECTS } from '../src/faults/messages.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import type { Release } from '../src/model/release.ts';
import { FIX, malformed, outOfMemoryOnMalformed } from './defects/Q325939.ts';
import { FLOW, excusedUnder } from './defects/index.ts';
import { QUIET, mixOf, probingWith, restartImc } from './shapes.ts';
import { FLOW_SECONDS, deliveries, events, fatesOf, flowsEndToEnd, imcRunning, isOp, nothingInTheWay, readyForMail, stepsOf, type Delivery } from './support.ts';
import { unlike } from './texts/event.ts';
import { SEQUENCE } from './texts/Q325939.ts';
import { namedIn4182 } from './texts/Q293288.ts';

const wait = (seconds: number): Op => ({ op: 'time.pass', seconds });

/**
 * A malformed inbound message as the default reading has it: it forwards a message whose own
 * headers are bad. Half the time its own headers are bad too (a forwarding spelt with a spoilt
 * Content-Type must still show what it forwards).
 */
const culprit: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('smtp.deliver' as const),
  to: fc.constantFrom('Alice', 'Bob'),
  mime: fc.oneof({ weight: 1, arbitrary: fc.constant('good' as const) }, { weight: 1, arbitrary: fc.constantFrom(...HEADER_DEFECTS) }),
  tnef: fc.constantFrom('none' as const, 'good' as const),
  writer,
  embedded: fc.constantFrom(...HEADER_DEFECTS),
});

const plain: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('smtp.deliver' as const),
  to: fc.constantFrom('Alice', 'Bob'),
  mime: fc.constant('good' as const),
  tnef: fc.constantFrom('none' as const, 'good' as const),
  writer,
  embedded: fc.constantFrom('none' as const, 'good' as const),
});

/** What a user does to see whether mail moves (shapes.ts), with this article's plain messages. */
const probing = probingWith(plain);

const affected = (h: History, i: number): boolean => outOfMemoryOnMalformed(before(h, i).release);
const fixed = (h: History, i: number): boolean => /^5\.5 SP/.test(before(h, i).release) && !affected(h, i);

/** The first malformed message the running IMS takes in when nothing else holds it up, and what the history gives it: a poll's worth of quiet, or not. */
function firstCulprit(h: History, on: (i: number) => boolean): { d: Delivery; quiet: boolean } | undefined {
  const d = deliveries(h).find((x) => x.accepted && malformed(h, x) && on(x.step.index) && readyForMail(before(h, x.step.index)));
  if (!d) return undefined;
  const due = d.step.at + 15;
  const next = h.steps.find((s) => s.index > d.step.index && !isOp(s, 'time.pass'));
  return { d, quiet: !(next && next.at < due) && h.steps.at(-1)!.after.at >= due };
}

/** Mail must flow while no malformed message arrives on an affected release: the first one stops everything still in flight. */
function clearOfCulprits(h: History): (i: number) => boolean {
  const first = deliveries(h).find((d) => d.accepted && malformed(h, d) && affected(h, d.step.index))?.step.at ?? Infinity;
  return (i) => h.steps[i]!.at + FLOW_SECONDS < first;
}

export const stopsWithTheSequence: Property = {
  name: 'Q325939-S1 the IMS stops after 12800, 4182, 4102, 1001',
  claims: ['Q325939-S1', 'Q325939-T1'],
  checks: "On every 5.5 level without the store fix, the first malformed inbound message the running IMS takes in makes the log show 12800, 4182 (naming its spool file), 4102 and 1001, in that order and with the article's texts, within a poll; the IMS then no longer runs nor takes mail; before such a message, mail flows.",
  scenario: (r) => story(ops(r, { weights: QUIET, maxLength: 2 }), fc.array(probing, { maxLength: 3 }), culprit.map((op) => [op]), steps(wait(30)), fc.array(probing, { minLength: 1, maxLength: 4 })),
  reached: (h) => firstCulprit(h, (i) => affected(h, i))?.quiet === true,
  check: (h) => {
    const first = firstCulprit(h, (i) => affected(h, i));
    const flows = flowsEndToEnd('Q325939-S1', h, clearOfCulprits(h));
    if (!first?.quiet) return flows;
    const { d } = first;
    // From the delivery's own step on: a poll may fall within the second the delivery takes.
    const window = h.steps.filter((s) => s.index >= d.step.index && s.at <= d.step.at + 15);
    const logged = window.flatMap((s) => events(s));
    const ids = logged.map((e) => e.id);
    const start = ids.indexOf(12800);
    // Nothing at all of it, and the service still running: this level does not have the problem (T1 says every level has).
    if (!logged.length && imcRunning(window.at(-1)!.after)) return violated('Q325939-T1', d.step.index, `${before(h, d.step.index).release} took ${d.messageId} in without any of it: the problem is not there`);
    if (start < 0 || ids.slice(start, start + 4).join() !== '12800,4182,4102,1001') return violated('Q325939-S1', d.step.index, `after ${d.messageId} the log shows [${ids.join(', ')}], not 12800, 4182, 4102, 1001 in that order`);
    for (const [k, expected] of SEQUENCE.entries()) {
      const wrong = unlike(expected, logged[start + k]!);
      if (wrong) return violated('Q325939-S1', d.step.index, wrong);
    }
    // 4182 names the spool file the message was in.
    const spool = namedIn4182(logged[start + 1]!.text)?.toLowerCase();
    const itsFiles = h.steps.flatMap((s) => s.seen.flatMap((o) => (o.kind === 'file' && o.messageId === d.messageId ? [o.path, o.to ?? ''] : [])));
    if (!spool || !itsFiles.some((p) => p.toLowerCase().endsWith(`\\${spool}`))) return violated('Q325939-S1', d.step.index, `4182 names spool file ${spool ?? '(none)'}, not one ${d.messageId} was in`);
    const last = window.at(-1)!;
    if (imcRunning(last.after)) return violated('Q325939-S1', last.index, `the IMS still runs after logging 1001 for ${d.messageId}`);
    return flows;
  },
};

/** The fix's setup attempts, and where the fix is in. */
const fixAttempts = (h: History) => stepsOf(h, 'storeFix.apply').filter((s) => s.op.fix === FIX);

/** A story that may try the fix before SP4, then goes to SP4 and applies it, then sends malformed and plain mail. */
const toTheFix = (r: Release): Op[] => [
  ...(r.servicePack < 4 ? [{ op: 'storeFix.apply', fix: FIX } as const, { op: 'servicePack.apply', servicePack: 4 } as const] : []),
  { op: 'storeFix.apply', fix: FIX },
];

export const fixRequiresSp4: Property = {
  name: 'Q325939-R1 the store fix, on SP4, ends it',
  claims: ['Q325939-R1'],
  checks: 'The store fix 5.5.2656.60 installs on 5.5 SP4 and on no other level; once it is in, a malformed message no longer stops the IMS (no 12800, 4102 or 1001) and the rest of the mail flows.',
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 2 }),
      fc.array(mixOf([1, culprit], [2, probing]), { maxLength: 2 }),
      steps(...toTheFix(r), ...restartImc),
      fc.array(mixOf([2, culprit], [3, probing]), { minLength: 2, maxLength: 8 }),
      steps(wait(60)),
    ),
  reached: (h) => deliveries(h).some((d) => d.accepted && malformed(h, d) && fixed(h, d.step.index)),
  check: (h) => {
    const setup = fixAttempts(h).map((s): Verdict => {
      const onSp4 = /^5\.5 SP4$/.test(before(h, s.index).release);
      if (s.outcome.ok && !onSp4) return violated('Q325939-R1', s.index, `the store fix installed on ${before(h, s.index).release}`);
      if (!s.outcome.ok && onSp4) return violated('Q325939-R1', s.index, `the store fix did not install on 5.5 SP4: ${s.outcome.detail}`);
      return HOLDS;
    });
    const after = h.steps.map((s): Verdict => {
      if (!fixed(h, s.index)) return HOLDS;
      const stopped = events(s).find((e) => e.id === 12800 || e.id === 4102 || e.id === 1001);
      if (stopped) return violated('Q325939-R1', s.index, `event ${stopped.id} with the store fix in`);
      // A stop the observer can explain otherwise (in or work gone, the disk low, rights taken: Q231737, Q146791) is not this article's.
      const explained = !readyForMail(before(h, s.index)) || !nothingInTheWay(s.after);
      if (!imcRunning(s.after) && imcRunning(before(h, s.index)) && !explained && !['service.stop', 'reboot', 'servicePack.apply', 'storeFix.apply', 'heal'].includes(s.op.op)) return violated('Q325939-R1', s.index, `the IMS stopped with the store fix in`);
      return HOLDS;
    });
    return firstViolation([...setup, ...after, flowsEndToEnd('Q325939-R1', h, (i) => fixed(h, i), excusedUnder(FLOW, h).messages)]);
  },
};

export const archivedAfterTheFix: Property = {
  name: 'Q325939-M1 after the fix the message goes to the archive folder',
  claims: ['Q325939-M1'],
  checks: "With the store fix in, a malformed message the running IMS takes in is, within a poll, moved to the store's archive folder: not delivered to a mailbox, not lost, no longer in the spool.",
  scenario: (r) => story(steps(...toTheFix(r)), fc.array(mixOf([3, culprit], [2, probing]), { minLength: 1, maxLength: 6 }), steps(wait(30))),
  reached: (h) => firstCulprit(h, (i) => fixed(h, i))?.quiet === true,
  check: (h) => {
    const fates = fatesOf(h);
    return firstViolation(
      deliveries(h).map((d): Verdict => {
        if (!d.accepted || !malformed(h, d) || !fixed(h, d.step.index) || !readyForMail(before(h, d.step.index))) return HOLDS;
        const w = fates.where(d.messageId);
        if (w.places.some((p) => p.startsWith('mailbox '))) return violated('Q325939-M1', d.step.index, `${d.messageId} was delivered, not moved to the archive folder`);
        const due = d.step.at + 15;
        const archived = w.arrived.get('archive');
        const quiet = !h.steps.some((s) => s.index > d.step.index && s.at < due && !isOp(s, 'time.pass')) && h.steps.at(-1)!.after.at >= due;
        if (quiet && (archived === undefined || archived > due)) return violated('Q325939-M1', d.step.index, `${d.messageId} is ${w.places.length ? `in ${w.places.join(', ')}` : 'nowhere'}, not in the archive folder`);
        return HOLDS;
      }),
    );
  },
};

export const PROPERTIES: readonly Property[] = [stopsWithTheSequence, fixRequiresSp4, archivedAfterTheFix];

