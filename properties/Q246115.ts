// Q246115 — XCON: Internet Mail Service Won't Start, Logs Event 2140 and 100 (4.0, 5.0, 5.5).

import * as fc from 'fast-check';
import { ops, steps, story } from '../src/faults/arbitraries.ts';
import type { Op } from '../src/faults/operations.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property } from '../src/harness/property.ts';
import { PROBES, QUIET, adminTrouble, mixOf, restartImc, startStop } from './shapes.ts';
import { administratorReference, mailboxChosenBefore, type MailboxState } from './reference/administrator.ts';
import { directoryReference } from './reference/directory.ts';
import { DEFAULT_SETTINGS } from '../src/model/world.ts';
import { IMC, dialogs, events, failedOnSpool, imcRunning, initialisedAt, stepsOf } from './support.ts';
import { connectorDisplayName } from './texts/Q146791.ts';
import { couldNotStart } from './texts/Q246115.ts';

/** Control Panel starts of a stopped connector whose dependencies run and whose directory answers, where the mailbox last chosen is not a valid mailbox; with what it is. */
function startsWithInvalidMailbox(h: History): { step: Step; state: MailboxState }[] {
  const admin = administratorReference(h);
  const readable = directoryReference(h);
  return stepsOf(h, 'service.start').flatMap((s) => {
    const b = before(h, s.index);
    const at = initialisedAt(s);
    const state = admin(s.index).state;
    const plain = s.op.service === IMC && b.services[IMC] === 'Stopped' && at !== undefined && readable(at) && state !== 'mailbox' &&
      ['MSExchangeDS', 'MSExchangeIS', 'MSExchangeMTA'].every((d) => b.services[d] === 'Running');
    return plain ? [{ step: s, state }] : [];
  });
}

/** Trouble with the administrator mailbox, then a stop, more trouble, and a start. */
const chaos = (r: Parameters<Property['scenario']>[0]): fc.Arbitrary<Op[]> =>
  story(
    ops(r, { weights: QUIET, maxLength: 2 }),
    fc.array(mixOf([4, adminTrouble], [4, startStop]), { maxLength: 8 }),
    steps({ op: 'service.stop', service: IMC }),
    fc.array(adminTrouble, { minLength: 1, maxLength: 3 }),
    steps({ op: 'service.start', service: IMC }),
    fc.array(mixOf([2, adminTrouble], [2, startStop]), { maxLength: 4 }),
  );

export const notAMailboxStopsTheStart: Property = {
  name: 'Q246115-S1 a recipient that is not a mailbox stops the start',
  claims: ['Q246115-S1', 'Q246115-C1'],
  checks: 'A Control Panel start with an administrator mailbox that is not a valid mailbox fails, and Control Panel says so with its "Error 2140" dialog; when the mailbox names a recipient that is not a mailbox (custom recipient, distribution list), event 100 from MSExchangeIMC is logged, and 2140 too where it is read as an event (interpretation event2140).',
  notCovered: 'The texts of 2140 and 100: the article gives none. Which events a missing or unset mailbox logs on 5.x belongs to Q183178.',
  scenario: chaos,
  reached: (h) => startsWithInvalidMailbox(h).some((x) => x.state === 'not-a-mailbox'),
  check: (h) =>
    firstViolation(
      startsWithInvalidMailbox(h).map(({ step: s, state: why }) => {
        if (imcRunning(s.after)) return violated('Q246115-S1', s.index, `the service started with an administrator mailbox that is ${why}`);
        const expected = couldNotStart(connectorDisplayName(h.release.version), DEFAULT_SETTINGS.serverName);
        if (!dialogs(s).includes(expected)) return violated('Q246115-S1', s.index, `the start failed, but Control Panel showed ${JSON.stringify(dialogs(s))}, not its "Error 2140" dialog`);
        if (why !== 'not-a-mailbox') return HOLDS;
        const wanted = h.readings.event2140 === 'application-log-event' ? [2140, 100] : [100];
        const logged = events(s).filter((e) => (e.id === 2140 || e.id === 100) && e.source === 'MSExchangeIMC').map((e) => e.id);
        return wanted.every((id) => logged.includes(id))
          ? HOLDS
          : violated('Q246115-C1', s.index, `the administrator mailbox is not a mailbox, but the events logged were [${events(s).map((e) => e.id).join(', ')}], not ${wanted.join(' and ')}`);
      }),
    ),
};

export const validUserStarts: Property = {
  name: 'Q246115-R1 a valid user lets the service start',
  claims: ['Q246115-R1'],
  checks: 'Whatever happened to the administrator mailbox before, selecting a valid user\'s mailbox on the Internet Mail tab and starting the service makes it run, with no dialog from Control Panel.',
  scenario: (r) =>
    story(
      fc.array(mixOf([4, adminTrouble], [2, startStop]), { minLength: 1, maxLength: 8 }),
      fc.constantFrom('Alice', 'Bob').map((name): Op[] => [{ op: 'adminMailbox.set', name }, ...restartImc]),
      ops(r, { weights: PROBES, maxLength: 2 }),
    ),
  reached: (h) => {
    const set = h.steps.findLastIndex((s) => s.op.op === 'adminMailbox.set');
    return set > 0 && administratorReference(h)(set).state !== 'mailbox';
  },
  check: (h) => {
    const start = stepsOf(h, 'service.start').filter((s) => s.op.service === IMC).at(-1);
    // Only a start after a valid user's mailbox was selected (a history may restart without one).
    if (!start || failedOnSpool(start) || !mailboxChosenBefore(h, start.index)) return HOLDS;
    if (!imcRunning(start.after)) return violated('Q246115-R1', start.index, `a valid user was selected, but the service is ${start.after.services[IMC]}`);
    // The start worked: Control Panel has nothing to report (its "Error 2140" dialog is for a start that failed, A-START-DIALOG).
    return dialogs(start).length ? violated('Q246115-R1', start.index, `the service started, but Control Panel showed ${JSON.stringify(dialogs(start))}`) : HOLDS;
  },
};

export const PROPERTIES: readonly Property[] = [notAMailboxStopsTheStart, validUserStarts];

