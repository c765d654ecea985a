// An smtp.deliver may send a message given as bytes (someone's real message) instead of a
// generated one: in base64, or from a file relative to the scenario file. It replays exactly as
// a generated message with the same bytes does; the checkers see what the judges read in the
// bytes; loading refuses what cannot be used, naming the file, the place and the problem, and
// changes no file; a failure found on such a step reduces and saves with its bytes.

import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/replay.ts';
import { inboundMessage, sentMessage } from '../../src/faults/messages.ts';
import type { Op, OpOf } from '../../src/faults/operations.ts';
import { judgeHistory } from '../../src/harness/check.ts';
import type { History } from '../../src/harness/history.ts';
import { run } from '../../src/harness/run.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { parseRelease, type Release } from '../../src/model/release.ts';
import { FORMAT, type ScenarioFile } from '../../src/scenario/format.ts';
import { keepFailure } from '../../src/scenario/fromFailure.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { mismatchText, replay } from '../../src/scenario/replay.ts';
import { PROPERTIES, property } from '../../properties/index.ts';
import { deliveries } from '../../properties/support.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { REPO, loadUntouched, put, refusal, scratch } from './helpers.ts';

const dir = scratch('message');
const MAILS = join(REPO, 'test/scenario/fixtures/mails');
/** A message as Outlook 98 sent it through a relay: an X-Priority line without its colon, and a winmail.dat cut short. */
const BAD_BAD = 'bad-headers-bad-tnef.eml';
/** The same message, whole and well-formed. */
const GOOD = 'good.eml';
const ID = '000d01be7e5a$5c2aeaa0$1900000a@partner.example';

mkdirSync(join(dir, 'mails'));
for (const name of [BAD_BAD, GOOD]) copyFileSync(join(MAILS, name), join(dir, 'mails', name));
const bytesOf = (name: string) => readFileSync(join(MAILS, name));

function scenario(release: string, steps: unknown[], judge: ScenarioFile['judge'] = { properties: [], verdict: 'holds' }): Record<string, unknown> {
  const [version, sp] = release.split(' SP');
  return { $schema: './scenario.schema.json', format: FORMAT, title: `a message given as bytes on ${release}`, version, servicePack: Number(sp), release, interpretations: {}, judge, origin: { kind: 'story', article: 'Q168139' }, steps };
}

/** A delivery of the message in `mails/<name>`, then time for the store, then a logon. */
function story(release: string, message: object, expectAfter: object = {}): Record<string, unknown> {
  return scenario(release, [
    { op: 'smtp.deliver', to: 'Alice', message, expect: { accepted: true, reply: '250 OK' } },
    { op: 'time.pass', seconds: 60, expect: expectAfter },
    { op: 'client.logon', client: 'Exchange Client' },
  ]);
}

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** What a history shows, leaving out the operations themselves (which say how the message was given). */
const shown = (h: History) => ({ setup: h.setup, initial: h.initial, steps: h.steps.map(({ op: _op, ...rest }) => rest) });

describe('a message given as bytes', () => {
  it('loads from a file relative to the scenario, or from base64, as the same bytes; no file is changed', () => {
    const fromFile = put(dir, 'from-file.json', story('5.0 SP0', { file: `mails/${BAD_BAD}` }));
    const message = join(dir, 'mails', BAD_BAD);
    const before = { bytes: readFileSync(message), mtime: statSync(message).mtimeMs };
    const a = loadUntouched(fromFile);
    if (a instanceof Error) throw a;
    expect(readFileSync(message)).toEqual(before.bytes);
    expect(statSync(message).mtimeMs).toBe(before.mtime);
    expect(a.ops[0]).toEqual({ op: 'smtp.deliver', to: 'Alice', message: { base64: bytesOf(BAD_BAD).toString('base64') } });
    // Inline, wrapped as base64(1) wraps it: the white space goes, the bytes are the same.
    const wrapped = bytesOf(BAD_BAD).toString('base64').replace(/.{76}/g, '$&\n');
    const b = loadUntouched(put(dir, 'inline.json', story('5.0 SP0', { base64: wrapped })));
    if (b instanceof Error) throw b;
    expect(b.ops).toEqual(a.ops);
  });

  it('replays exactly as the generated message with the same bytes, and the checkers see the same message', () => {
    const generated: OpOf<'smtp.deliver'>[] = [
      { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' },
      { op: 'smtp.deliver', to: 'Alice', mime: 'header-without-colon', tnef: 'bad-checksum' },
      { op: 'smtp.deliver', to: 'Bob', mime: 'missing-boundary', tnef: 'good', embedded: 'bad-mime-version' },
      { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'truncated', charset: 'malformed' },
      { op: 'smtp.deliver', to: 'Nobody', mime: 'eight-bit-header', tnef: 'none', charset: 'iso-8859-1', embedded: 'good' },
    ];
    const after: Op[] = [{ op: 'time.pass', seconds: 30 }, { op: 'client.logon', client: 'Exchange Client' }, { op: 'nt.terminateHungThread' }, { op: 'time.pass', seconds: 60 }, { op: 'client.logon', client: 'Mdbvu32' }];
    for (const name of ['5.0 SP0', '5.0 SP2', '5.5 SP3']) {
      const release = parseRelease(name)!;
      for (const op of generated) {
        const ops: Op[] = [{ op: 'client.submit', from: 'Alice', to: 'friend@remote.example' }, op, ...after];
        const h1 = run({ release, ops });
        // The bytes the interpreter sent: the second message (serial 2), at the time its step began.
        const sent = inboundMessage(op, 2, 'example.com', h1.steps[1]!.at);
        expect(h1.steps[1]!.outcome.messageId).toBe(sent.messageId);
        const given: OpOf<'smtp.deliver'> = { op: 'smtp.deliver', to: op.to, message: { base64: sent.bytes.toString('base64') } };
        const h2 = run({ release, ops: [ops[0]!, given, ...after] });
        const what = `${name}: ${JSON.stringify(op)}`;
        expect(shown(h2), what).toEqual(shown(h1));
        expect(sentMessage(given), what).toEqual(sentMessage(op));
        expect(deliveries(h2).map((d) => ({ ...d, step: d.step.index })), what).toEqual(deliveries(h1).map((d) => ({ ...d, step: d.step.index })));
        for (const p of PROPERTIES) {
          expect([p.check(h2), p.reached(h2)], `${what}: ${p.name}`).toEqual([p.check(h1), p.reached(h1)]);
        }
      }
    }
  });

  it('replays a scenario file giving the message like one generating it, with the same verdicts', () => {
    const op: OpOf<'smtp.deliver'> = { op: 'smtp.deliver', to: 'Alice', mime: 'header-without-colon', tnef: 'truncated' };
    const generated = replay(loadScenario(put(dir, 'generated.json', scenario('5.0 SP0', [op, { op: 'time.pass', seconds: 60 }, { op: 'client.logon', client: 'Exchange Client' }]))));
    const sent = inboundMessage(op, 1, 'example.com', generated.history.steps[0]!.at);
    const given = replay(loadScenario(put(dir, 'given.json', scenario('5.0 SP0', [{ op: 'smtp.deliver', to: 'Alice', message: { base64: sent.bytes.toString('base64') } }, { op: 'time.pass', seconds: 60 }, { op: 'client.logon', client: 'Exchange Client' }]))));
    expect(shown(given.history)).toEqual(shown(generated.history));
    expect(given.verdict.judgements).toEqual(generated.verdict.judgements);
  });

  it('with bad MIME headers and bad TNEF (a real-looking message) sends a 5.0 SP0 store into the rewind loop, and not a 5.0 SP2 store', () => {
    const judge = { properties: ['Q168139-C1 only bad headers and bad TNEF loop'], verdict: 'holds' as const };
    const sp0 = replay(loadScenario(put(dir, 'sp0.json', { ...story('5.0 SP0', { file: `mails/${BAD_BAD}` }, { waiting: { in: 1, 'MTS-IN': 0 }, mailboxes: { Alice: 0 } }), judge })));
    expect(sp0.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(sp0.verdict.judgements[0]).toMatchObject({ reached: true, outcome: 'holds' });
    const threads = (r: typeof sp0) => r.history.steps.flatMap((s) => s.seen.flatMap((o) => (o.kind === 'store-thread' ? [`${o.state} ${o.messageId}`] : [])));
    expect(threads(sp0)).toEqual([`rewinding ${ID}`]);
    expect(deliveries(sp0.history)[0]).toMatchObject({ messageId: ID, accepted: true, message: { badHeaders: true, badTnef: true, malformedCharset: false, embedded: 'none' } });

    const sp2 = replay(loadScenario(put(dir, 'sp2.json', story('5.0 SP2', { file: `mails/${BAD_BAD}` }, { waiting: { in: 0, 'MTS-IN': 0 }, mailboxes: { Alice: 1 } }))));
    expect(sp2.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(threads(sp2)).toEqual([]);
    // The same message, whole and well-formed, does not loop on 5.0 SP0 either.
    const good = replay(loadScenario(put(dir, 'good-sp0.json', story('5.0 SP0', { file: `mails/${GOOD}` }, { waiting: { in: 0 }, mailboxes: { Alice: 1 } }))));
    expect(good.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(threads(good)).toEqual([]);
  });

  it('is sent whole: a line holding a single dot ends nothing (the model takes the bytes at end of data, with no dot-stuffing)', () => {
    const dotted = Buffer.from(bytesOf(BAD_BAD).toString('latin1').replace('Alice,\r\n', 'Alice,\r\n.\r\n'), 'latin1');
    const r = replay(loadScenario(put(dir, 'dotted.json', story('5.0 SP0', { base64: dotted.toString('base64') }, { waiting: { in: 1 } }))));
    expect(r.verdict.mismatches.map(mismatchText)).toEqual([]);
    const client = r.history.steps[0]!.seen.flatMap((o) => (o.kind === 'smtp' && o.side === 'client' ? [o.line] : []));
    expect(client).toContain(`<${dotted.length} bytes of message>`);
    // The winmail.dat after the dot was delivered and judged: the store loops on it.
    expect(r.history.steps[1]!.seen.some((o) => o.kind === 'store-thread' && o.state === 'rewinding')).toBe(true);
  });

  it('reduces and saves a failure found on such a step, with its bytes in base64, and the saved file replays as the break', () => {
    const variant = VARIANTS.find((v) => v.name === 'store-never-loops')!;
    const p = property('Q168139-C1 only bad headers and bad TNEF loop');
    const release: Release = { version: '5.0', servicePack: 0 };
    const readings = withReadings(variant.readings ?? {});
    const given: Op = { op: 'smtp.deliver', to: 'Alice', message: { base64: bytesOf(BAD_BAD).toString('base64') } };
    const ops: Op[] = [
      { op: 'client.logon', client: 'Exchange Client' },
      { op: 'smtp.deliver', to: 'Bob', mime: 'good', tnef: 'good' },
      { op: 'time.pass', seconds: 10 },
      given,
      { op: 'time.pass', seconds: 30 },
      { op: 'client.logon', client: 'Mdbvu32' },
    ];
    const history = run({ release, readings, ops }, { parts: variant.parts! });
    const { by, verdict } = judgeHistory([p], history);
    if (verdict.holds) throw new Error('the variant should break Q168139-C1 on this message');
    expect(verdict.explanation).toContain(ID);
    const path = keepFailure(dir, { property: p, release, readings, failure: { by, seed: 0, path: '0', ops, verdict, history }, found: new Date(0), variant: { name: variant.name, parts: variant.parts! } });
    const saved = JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;
    expect(saved.steps).toEqual([given, { op: 'time.pass', seconds: 30 }]);
    const loaded = loadScenario(path);
    expect(loaded.ops).toEqual(saved.steps);
    const r = replay(loaded);
    expect(r.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(r.verdict.judgements[0]).toMatchObject({ expected: 'violated', claim: 'Q168139-C1', met: true });
  });
});

describe('a message given as bytes that cannot be used', () => {
  const step = (message: unknown, extra: object = {}) => ({ op: 'smtp.deliver', to: 'Alice', ...extra, message });
  const file = (name: string, steps: unknown[]) => put(dir, `${name}.json`, scenario('5.0 SP0', steps));
  const lineOf = (path: string, text: string) => readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

  it('is refused with the file, the place and the problem, and exit 2', () => {
    const good = bytesOf(GOOD).toString('base64');
    put(dir, 'mails/no-id.eml', 'From: carol@partner.example\r\nTo: alice@example.com\r\nSubject: no id\r\n\r\nHello.\r\n');
    put(dir, 'mails/empty.eml', '');
    const cases: [string, unknown[], string, string][] = [
      ['missing-file', [step({ file: 'mails/odd.eml' })], 'steps[0].message.file', 'no such file mails/odd.eml (relative to the scenario)'],
      ['a-directory', [step({ file: 'mails' })], 'steps[0].message.file', 'mails (relative to the scenario) is a directory, not a message file'],
      ['absolute', [step({ file: join(dir, 'mails', GOOD) })], 'steps[0].message.file', `${join(dir, 'mails', GOOD)} is an absolute path; give the path relative to the scenario file, so that the two can move together`],
      ['bad-base64', [step({ base64: 'SGVsbG8gd29ybGQ*' })], 'steps[0].message.base64', 'not base64: "*" at character 16 is not in its alphabet (A-Z, a-z, 0-9, + and /, = at the end)'],
      ['base64url', [step({ base64: 'SGVsbG8_' })], 'steps[0].message.base64', 'not base64: "_" at character 8 belongs to base64url (RFC 4648 section 5); base64 writes + and / instead'],
      ['cut-base64', [step({ base64: good.slice(0, -3) })], 'steps[0].message.base64', `not base64: ${good.length - 3} characters (white space aside), not a multiple of 4: the text is cut short, or its = padding is missing`],
      ['both-forms', [step({ base64: good, file: `mails/${GOOD}` })], 'steps[0].message', 'give base64 or file, not both'],
      ['neither-form', [step({})], 'steps[0].message', 'give the message as { "base64": "..." } or { "file": "mails/odd.eml" }'],
      ['not-an-object', [step(`mails/${GOOD}`)], 'steps[0].message', `expected an object: { "base64": "..." } or { "file": "mails/odd.eml" }, got the string "mails/${GOOD}"`],
      ['mixed-mime', [step({ file: `mails/${GOOD}` }, { mime: 'good' })], 'steps[0].mime', 'mime describes a generated message, and this step gives its own (message): leave mime out, or leave out message'],
      ['mixed-tnef', [step({ file: `mails/${GOOD}` }, { tnef: 'bad-checksum' })], 'steps[0].tnef', 'tnef describes a generated message, and this step gives its own (message): leave tnef out, or leave out message'],
      ['mixed-charset', [step({ base64: good }, { charset: 'malformed' })], 'steps[0].charset', 'charset describes a generated message, and this step gives its own (message): leave charset out, or leave out message'],
      ['mixed-embedded', [step({ base64: good }, { embedded: 'none' })], 'steps[0].embedded', 'embedded describes a generated message, and this step gives its own (message): leave embedded out, or leave out message'],
      ['no-message-id', [step({ file: 'mails/no-id.eml' })], 'steps[0].message.file', 'the message has no Message-ID; the model names a message by it in the spool and the store, and the checkers follow it by that name: give it one (a header line such as "Message-ID: <1@remote.example>")'],
      ['empty-message', [step({ file: 'mails/empty.eml' })], 'steps[0].message.file', 'the message is empty'],
      ['same-message-id', [step({ file: `mails/${GOOD}` }), { op: 'time.pass', seconds: 5 }, step({ base64: bytesOf(BAD_BAD).toString('base64') })], 'steps[2].message.base64', `its Message-ID <${ID}> is also that of the message of steps[0]; the checkers follow messages by Message-ID, so each message given needs its own`],
    ];
    for (const [name, steps, where, problem] of cases) {
      const path = file(name, steps);
      const message = refusal(path);
      const line = lineOf(path, `"${where.split('.').at(-1)!}":`);
      expect(message, name).toMatch(new RegExp(`^${escape(path)}:${line}:\\d+: ${escape(where)}: ${escape(problem)}$`));
      const r = cli(path);
      expect([r.code, r.out, r.err], name).toEqual([2, '', `${message}\n`]);
    }
  });

  it('without mime and tnef, and without a message, is refused for want of them', () => {
    const path = file('neither', [{ op: 'smtp.deliver', to: 'Alice' }]);
    expect(refusal(path)).toContain('steps[0].mime: missing; smtp.deliver needs mime: one of good, header-without-colon');
    expect(refusal(path)).toContain('; or give a message of its own as bytes in message instead, without mime, tnef, charset, embedded');
    expect(refusal(path)).toContain('steps[0].tnef: missing; smtp.deliver needs tnef: one of none, good, truncated');
  });

  it('is refused when it is more than 512 KiB, alone or with the scenario\'s other messages', () => {
    const big = `Message-ID: <big@partner.example>\r\n\r\n${'x'.repeat(600 * 1024)}\r\n`;
    put(dir, 'mails/big.eml', big);
    expect(refusal(file('big', [step({ file: 'mails/big.eml' })]))).toMatch(/: steps\[0\]\.message\.file: mails\/big\.eml \(relative to the scenario\): the file is 600\.0 KiB; a message file may be at most 512 KiB$/);
    const half = (n: number) => `Message-ID: <half${n}@partner.example>\r\n\r\n${'x'.repeat(300 * 1024)}\r\n`;
    put(dir, 'mails/half1.eml', half(1));
    put(dir, 'mails/half2.eml', half(2));
    expect(refusal(file('halves', [step({ file: 'mails/half1.eml' }), step({ file: 'mails/half2.eml' })]))).toMatch(
      /: steps\[1\]\.message\.file: the messages given up to here come to 600\.1 KiB; together they may be at most 512 KiB$/,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
