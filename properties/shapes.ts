// Scenario shapes the checkers share: mixes of operations weighted toward a trigger, and
// the short fixed pieces stories are made of. Each property composes its own story from them.

import * as fc from 'fast-check';
import { only, type Weights } from '../src/faults/arbitraries.ts';
import type { GeneratedMessage, Op } from '../src/faults/operations.ts';
import { HEADER_DEFECTS, type HeaderDefect } from '../src/faults/messages.ts';
import { SPOILINGS, WRITERS, type Writer } from '../src/mail/mime.ts';
import { TNEF_DEFECTS, type TnefDefect } from '../src/mail/tnef.ts';
import { DEFAULT_SETTINGS } from '../src/model/world.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const IMC = 'MSExchangeIMC';

/** Mail, clients, time, restarts and the agent: nothing that touches the administrator mailbox, permissions or disk space. */
export const QUIET: Weights = only({
  'smtp.deliver': 6, 'client.logon': 1, 'client.submit': 1, 'time.pass': 3,
  'service.start': 2, 'service.stop': 2, 'agent.delete': 2, 'agent.rename': 1,
});

/** What a user does to see whether things work. */
export const PROBES: Weights = only({ 'smtp.deliver': 4, 'time.pass': 2, 'client.logon': 1 });

/** Free space under the IMC's reserve. */
export const lowDisk: fc.Arbitrary<Op[]> = fc.constantFrom(9 * MiB, 1 * MiB, 4 * KiB, 0).map((freeBytes) => [{ op: 'disk.fill', freeBytes }]);

/** Free space exactly at the reserve, which is not under it (interpretation lowDisk), and a call to see. */
export const atReserve: Op[] = [{ op: 'disk.fill', freeBytes: DEFAULT_SETTINGS.reserveBytes }, { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' }];

/** The agent takes `in` away: deleted or renamed. */
export const inTakenAway: fc.Arbitrary<Op[]> = fc.constantFrom<Op[]>(
  [{ op: 'agent.delete', dir: 'in' }],
  [{ op: 'agent.rename', dir: 'in', to: 'in.old' }],
);

export const restartImc: Op[] = [{ op: 'service.stop', service: IMC }, { op: 'service.start', service: IMC }];

/**
 * A message to a mailbox, its MIME and TNEF drawn as given, in any spelling unless one is given;
 * an unparseable Content-Type in any of its ways (src/mail/mime/spoilings.ts).
 */
function messageOf(mime: fc.Arbitrary<'good' | HeaderDefect>, tnef: fc.Arbitrary<'good' | TnefDefect>, writer: fc.Arbitrary<Writer> = fc.constantFrom(...WRITERS)): fc.Arbitrary<Op> {
  return fc
    .record({ op: fc.constant('smtp.deliver' as const), to: fc.constantFrom('Alice', 'Bob'), mime, tnef, writer })
    .chain((m) => (m.mime === 'unparseable-content-type' ? fc.constantFrom(...SPOILINGS).map((spoiling): Op => ({ ...m, spoiling })) : fc.constant<Op>(m)));
}

const headerDefect = fc.constantFrom(...HEADER_DEFECTS);
const tnefDefect = fc.constantFrom(...TNEF_DEFECTS);

/**
 * A message with bad MIME headers and bad TNEF (Q168139's cause), to a mailbox; in any spelling
 * alike, since each spells some defects in words of its own.
 */
export const badBadMessage: fc.Arbitrary<Op> = messageOf(headerDefect, tnefDefect);

/**
 * One of Q168139's two defects without the other: bad MIME headers with good TNEF, or good
 * headers with bad TNEF, in any spelling. A model that reads a good winmail.dat as bad in
 * some spelling loops on the first.
 */
export const nearMiss: fc.Arbitrary<Op> = fc.oneof(messageOf(headerDefect, fc.constant('good')), messageOf(fc.constant('good'), tnefDefect));

type Headers = Pick<GeneratedMessage, 'mime' | 'writer' | 'spoiling'>;

/** Each header defect in each spelling, an unparseable Content-Type in each of its ways: the messages of a tour. */
const BAD_HEADERS: readonly Headers[] = WRITERS.flatMap((writer) =>
  HEADER_DEFECTS.flatMap((mime): Headers[] => (mime === 'unparseable-content-type' ? SPOILINGS.map((spoiling) => ({ mime, writer, spoiling })) : [{ mime, writer }])),
);

/**
 * Bad MIME headers of every kind, in every spelling and way: some of them (each about half the
 * time), in turn and in any order. Before each, the agent takes in away with whatever waits in
 * it, the administrator makes in again and a reboot ends any loop, so that each message meets
 * an empty in and a store with its threads free; it has bad TNEF too, and time for the IMS to
 * hand it over. A reader that lets one of them pass takes that message for one with good
 * headers. Shrinks to the one that tells.
 */
export const badHeadersInTurn: fc.Arbitrary<Op[]> = fc
  .tuple(fc.shuffledSubarray([...BAD_HEADERS], { minLength: 1 }), fc.nat(TNEF_DEFECTS.length - 1))
  .map(([messages, first]) =>
    messages.flatMap((m, i): Op[] => [
      { op: 'agent.delete', dir: 'in' },
      { op: 'admin.recreateDirectory', dir: 'in' },
      { op: 'reboot', directorySeconds: 0, storeSeconds: 10 },
      { op: 'smtp.deliver', to: 'Alice', ...m, tnef: TNEF_DEFECTS[(first + i) % TNEF_DEFECTS.length]! },
      { op: 'time.pass', seconds: 30 },
    ]),
  );

/** Things that make the administrator mailbox unusable, each way the articles name. */
export const adminTrouble: fc.Arbitrary<Op> = fc.constantFrom<Op>(
  { op: 'adminMailbox.clear' },
  { op: 'recipient.delete', name: 'Administrator' },
  { op: 'recipient.recreate', name: 'Administrator', kind: 'mailbox' },
  { op: 'recipient.retype', name: 'Administrator', kind: 'custom recipient' },
  { op: 'adminMailbox.set', name: 'Sales' },
  { op: 'adminMailbox.set', name: 'Partner' },
  { op: 'adminMailbox.set', name: 'Alice' },
  { op: 'recipient.recreate', name: 'Administrator', kind: 'distribution list' },
  { op: 'adminMailbox.set', name: 'Administrator' },
);

/** Who inbound mail in a burst is for, in turn: mailboxes, a distribution list and a custom recipient (A-NDR returns the last two). */
const BURST_RECIPIENTS = ['Alice', 'Sales', 'Bob', 'Partner'];

/**
 * Mail faster than the IMS polls: up to eight messages in and eight out at once, then time to
 * move them. A-FLOW holds for each message of a burst, not only for one at a time.
 */
export const burst: fc.Arbitrary<Op[]> = fc.tuple(fc.nat(8), fc.nat(8)).map(([inbound, outbound]) => [
  ...Array.from({ length: inbound }, (_, i): Op => ({ op: 'smtp.deliver', to: BURST_RECIPIENTS[i % BURST_RECIPIENTS.length]!, mime: 'good', tnef: 'none' })),
  ...Array.from({ length: outbound }, (): Op => ({ op: 'client.submit', from: 'Alice', to: 'friend@remote.example' })),
  { op: 'time.pass', seconds: 70 },
]);

/** Starting and stopping the connector by hand, and letting time pass. */
export const startStop: fc.Arbitrary<Op> = fc.constantFrom<Op>(
  { op: 'service.start', service: IMC },
  { op: 'service.stop', service: IMC },
  { op: 'time.pass', seconds: 30 },
);

export function mixOf(...arbs: [number, fc.Arbitrary<Op>][]): fc.Arbitrary<Op> {
  return fc.oneof(...arbs.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** What a user does to see whether mail moves, around an article's own kind of plain message: messages in and out, logons, time. */
export function probingWith(plain: fc.Arbitrary<Op>): fc.Arbitrary<Op> {
  const wait = (seconds: number): Op => ({ op: 'time.pass', seconds });
  return mixOf(
    [3, plain],
    [1, fc.constant<Op>({ op: 'client.submit', from: 'Alice', to: 'friend@remote.example' })],
    [1, fc.constant<Op>({ op: 'client.logon', client: 'Mdbvu32' })],
    [2, fc.constantFrom(wait(30), wait(60))],
  );
}
