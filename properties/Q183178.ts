// Q183178 — XADM: Internet Mail Service Will Not Start with Event Log Error 4071 (5.0, 5.5).

import * as fc from 'fast-check';
import { ops, steps, story } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import type { Seen } from '../src/model/journal.ts';
import { PROBES, QUIET, adminTrouble, mixOf, restartImc, startStop } from './shapes.ts';
import { administratorReference, mailboxChosenBefore } from './reference/administrator.ts';
import { directoryReference } from './reference/directory.ts';
import { IMC, events, failedOnSpool, imcRunning, initialisedAt, looksRight, stepsOf } from './support.ts';
import { unlike } from './texts/event.ts';
import { EVENT_4071 } from './texts/Q183178.ts';

/** Every 4071 must be the article's event and mark a start that failed. */
function check4071(seen: readonly Seen[], step: number): Verdict {
  let state = '';
  let pending: number | undefined;
  for (const o of seen) {
    if (o.kind === 'service' && o.service === IMC) {
      if (pending !== undefined) {
        if (o.to !== 'Stopped') return violated('Q183178-S1', step, `after event 4071 the IMS went ${o.from} -> ${o.to}, not to Stopped`);
        pending = undefined;
      }
      state = o.to;
    }
    if (o.kind !== 'event' || o.entry.id !== 4071) continue;
    const e = o.entry;
    const wrong = unlike(EVENT_4071, e);
    if (wrong) return violated('Q183178-S1', step, wrong);
    if (state !== 'StartPending') return violated('Q183178-S1', step, `event 4071 was logged while the IMS was ${state || 'not starting'}`);
    pending = e.record;
  }
  return pending === undefined ? HOLDS : violated('Q183178-S1', step, 'event 4071 was logged but the IMS did not stop');
}

const slowReboot: Op = { op: 'reboot', directorySeconds: 300, storeSeconds: 10 };
const plainMail: Op = { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' };

/** The administrator mailbox broken and mended every way, with starts, stops and the odd slow reboot between. */
const adminChaos = (r: Parameters<Property['scenario']>[0]): fc.Arbitrary<Op[]> =>
  story(
    ops(r, { weights: QUIET, maxLength: 2 }),
    fc.array(mixOf([4, adminTrouble], [4, startStop], [1, fc.constant(slowReboot)], [2, fc.constant(plainMail)]), { minLength: 2, maxLength: 12 }),
  );

export const fourOhSevenOneMeansNoStart: Property = {
  name: 'Q183178-S1 4071 means the IMS did not start',
  claims: ['Q183178-S1'],
  checks: 'Every event 4071 has the article\'s source, type, category and text, is logged while the IMS is starting, and the IMS then stops instead of running.',
  scenario: adminChaos,
  reached: (h) => h.steps.some((s) => events(s, 4071).length > 0),
  check: (h) => firstViolation([check4071(h.setup, -1), ...h.steps.map((s) => check4071(s.seen, s.index))]),
};

/** Control Panel starts of a stopped IMS whose dependencies run, so that nothing but the IMS starts. */
function plainStarts(h: History): Step[] {
  return stepsOf(h, 'service.start').filter((s) => {
    const b = before(h, s.index);
    return s.op.service === IMC && b.services[IMC] === 'Stopped' && ['MSExchangeDS', 'MSExchangeIS', 'MSExchangeMTA'].every((d) => b.services[d] === 'Running');
  });
}

/** Why the pointer cannot be obtained at the start in step `s`, by the reference models; undefined if it can. */
function unobtainable(s: Step, admin: ReturnType<typeof administratorReference>, readable: (at: number) => boolean): string | undefined {
  const state = admin(s.index).state;
  if (state === 'not-set') return 'no mailbox is set';
  if (state === 'missing') return 'the mailbox chosen no longer exists';
  const at = initialisedAt(s);
  if (at !== undefined && !readable(at)) return 'the directory does not answer yet';
  return undefined;
}

export const fourOhSevenOneCauses: Property = {
  name: 'Q183178-C1 4071 exactly when the pointer cannot be obtained',
  claims: ['Q183178-C1'],
  checks: 'A manual start logs 4071 and fails when the administrator mailbox is not set, no longer exists, or the directory cannot be read; it logs no 4071 when the pointer names an existing recipient and the directory answers.',
  notCovered: 'A pointer that names a recipient which is not a mailbox belongs to Q246115.',
  scenario: (r) =>
    story(
      adminChaos(r),
      steps({ op: 'service.stop', service: IMC }),
      fc.array(mixOf([4, adminTrouble], [1, fc.constant(slowReboot)]), { minLength: 1, maxLength: 3 }),
      steps({ op: 'service.start', service: IMC }),
      fc.array(mixOf([3, adminTrouble], [3, startStop]), { maxLength: 4 }),
    ),
  reached: (h) => {
    const admin = administratorReference(h);
    const readable = directoryReference(h);
    return plainStarts(h).some((s) => unobtainable(s, admin, readable) !== undefined);
  },
  check: (h) => {
    const admin = administratorReference(h);
    const readable = directoryReference(h);
    return firstViolation(
      plainStarts(h).map((s) => {
        const why = unobtainable(s, admin, readable);
        const logged = events(s, 4071).length > 0;
        if (why && !logged) return violated('Q183178-C1', s.index, `${why}, but the start logged no 4071`);
        if (why && imcRunning(s.after)) return violated('Q183178-C1', s.index, `${why}, but the IMS started`);
        if (!why && logged) return violated('Q183178-C1', s.index, `4071 was logged though the mailbox last chosen (${admin(s.index).shown ?? 'none'}) still exists and the directory answers`);
        return HOLDS;
      }),
    );
  },
};

const slowDirectory: fc.Arbitrary<Op> = fc.record({
  op: fc.constant('reboot' as const),
  directorySeconds: fc.constantFrom(90, 300, 0, 5),
  storeSeconds: fc.constantFrom(5, 10, 30),
});

/** Reboots after which the automatic start failed with 4071 although the mailbox last chosen was a mailbox. */
function autoStartOnlyFailures(h: History, admin: ReturnType<typeof administratorReference>): Step[] {
  return stepsOf(h, 'reboot').filter((s) => admin(s.index).state === 'mailbox' && events(s, 4071).length > 0);
}

export const failsOnlyAtAutomaticStart: Property = {
  name: 'Q183178-S2 fails only at the automatic start',
  claims: ['Q183178-S2', 'Q183178-W1'],
  checks: 'When the automatic start after a reboot fails with 4071 although the administrator mailbox is right, a manual start once the directory answers makes the IMS run.',
  notCovered: 'That such reboots happen at all (the claim says only sometimes) shows as coverage, not as a verdict.',
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 4 }),
      slowDirectory.map((op) => [op]),
      steps({ op: 'time.pass', seconds: 600 }, { op: 'service.start', service: IMC }),
      ops(r, { weights: PROBES, maxLength: 3 }),
    ),
  reached: (h) => autoStartOnlyFailures(h, administratorReference(h)).length > 0,
  check: (h) => {
    const admin = administratorReference(h);
    const readable = directoryReference(h);
    return firstViolation(
      autoStartOnlyFailures(h, admin).map((reboot) => {
        const manual = stepsOf(h, 'service.start').find((s) => s.index > reboot.index && s.op.service === IMC && readable(s.at));
        if (!manual || admin(manual.index).state !== 'mailbox' || failedOnSpool(manual)) return HOLDS;
        return imcRunning(manual.after) ? HOLDS : violated('Q183178-S2', manual.index, `the manual start after the failed automatic one left the IMS ${manual.after.services[IMC]}`);
      }),
    );
  },
};

/** The final start of a story that ends with a restart and then only probes. */
function finalStart(h: History): Step | undefined {
  const last = stepsOf(h, 'service.start').filter((s) => s.op.service === IMC).at(-1);
  if (!last) return undefined;
  const probing = h.steps.slice(last.index + 1).every((s) => ['smtp.deliver', 'time.pass', 'client.logon'].includes(s.op.op));
  return probing ? last : undefined;
}

function startsAfter(claim: string, h: History, what: string): Verdict {
  const start = finalStart(h);
  if (!start || failedOnSpool(start)) return HOLDS;
  return imcRunning(start.after) ? HOLDS : violated(claim, start.index, `after ${what}, the IMS is ${start.after.services[IMC]}`);
}

export const correctMailboxStarts: Property = {
  name: 'Q183178-R1 a correct mailbox lets the IMS start',
  claims: ['Q183178-R1'],
  checks: 'Whatever happened to the administrator mailbox before, choosing an existing mailbox for it and restarting the IMS makes it run.',
  scenario: (r) =>
    story(
      fc.array(mixOf([4, adminTrouble], [2, startStop]), { minLength: 1, maxLength: 8 }),
      steps({ op: 'recipient.recreate', name: 'Carol', kind: 'mailbox' }, { op: 'adminMailbox.set', name: 'Carol' }, ...restartImc),
      ops(r, { weights: PROBES, maxLength: 2 }),
    ),
  reached: (h) => {
    const set = h.steps.findIndex((s) => s.op.op === 'adminMailbox.set' && s.op.name === 'Carol');
    return set > 0 && administratorReference(h)(set - 1).state !== 'mailbox';
  },
  check: (h) => {
    const start = finalStart(h);
    return start && mailboxChosenBefore(h, start.index) ? startsAfter('Q183178-R1', h, 'a correct mailbox was chosen') : HOLDS;
  },
};

/** Changed away and back while the shown name looks right. */
function resets(h: History): Step[] {
  return stepsOf(h, 'adminMailbox.reset').filter((s) => looksRight(before(h, s.index)));
}

export const awayAndBackResets: Property = {
  name: 'Q183178-R2 away and back resets the pointer',
  claims: ['Q183178-R2'],
  checks: 'When the shown administrator mailbox names an existing mailbox, changing it to another mailbox and back, then restarting the IMS, makes it run, though the object behind the name had been replaced.',
  scenario: (r) =>
    story(
      ops(r, { weights: QUIET, maxLength: 3 }),
      fc.constantFrom<Op[]>(
        [{ op: 'recipient.recreate', name: 'Administrator', kind: 'mailbox' }],
        [{ op: 'recipient.delete', name: 'Administrator' }, { op: 'recipient.create', name: 'Administrator', kind: 'mailbox' }],
        [],
      ),
      fc.array(startStop, { maxLength: 2 }),
      fc.constantFrom('Alice', 'Bob').map((via): Op[] => [{ op: 'adminMailbox.reset', via }]),
      steps(...restartImc),
      ops(r, { weights: PROBES, maxLength: 2 }),
    ),
  reached: (h) => {
    const admin = administratorReference(h);
    return resets(h).some((s) => admin(s.index).state !== 'mailbox');
  },
  check: (h) => {
    const start = finalStart(h);
    return resets(h).length && start && mailboxChosenBefore(h, start.index, 'adminMailbox.reset') ? startsAfter('Q183178-R2', h, 'the administrator mailbox was changed away and back') : HOLDS;
  },
};

export const PROPERTIES: readonly Property[] = [fourOhSevenOneMeansNoStart, fourOhSevenOneCauses, failsOnlyAtAutomaticStart, correctMailboxStarts, awayAndBackResets];
