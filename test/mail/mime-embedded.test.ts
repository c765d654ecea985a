// message/rfc822 parts: a whole message inside another (RFC 2046 section 5.2.1), composed from
// bytes or from a spec, read as a message of its own and reported in `embedded`.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { MIME_DEFECTS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MimeReading } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, messageSpec } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);
const INNER = { ...SPEC, messageId: 'inner.1999@remote.example', subject: 'Original message' };
const lines = (bytes: Buffer) => bytes.toString('latin1').split('\r\n');
/** A reading without where it sits: what reading it alone gives. */
const alone = ({ part: _, ...reading }: MimeReading & { part: string }) => reading;

describe('composeMessage with embedded messages', () => {
  it('writes each as a message/rfc822 part after the text, before winmail.dat, never encoded', () => {
    const bytes = composeMessage({ ...SPEC, tnef: TNEF, embedded: [{ spec: INNER }] });
    const ls = lines(bytes);
    const types = ls.filter((l) => l.startsWith('Content-Type:'));
    expect(types).toEqual([
      'Content-Type: multipart/mixed;', 'Content-Type: text/plain;', 'Content-Type: message/rfc822',
      'Content-Type: text/plain; charset="us-ascii"', 'Content-Type: application/ms-tnef;',
    ]);
    expect(ls[ls.indexOf('Content-Type: message/rfc822') + 1]).toBe('Content-Transfer-Encoding: 7bit');
  });

  it('gives a nested multipart a boundary of its own', () => {
    const bytes = composeMessage({ ...SPEC, embedded: [{ spec: { ...INNER, tnef: TNEF } }] });
    const boundaries = lines(bytes).filter((l) => l.startsWith('\tboundary='));
    expect(boundaries).toEqual(['\tboundary="----=_NextPart_000_0001_01BE7E5A.5C2AEAA0"', '\tboundary="----=_NextPart_001_0001_01BE7E5A.5C2AEAA0"']);
    const reading = readMime(bytes);
    expect(reading.attachments).toEqual([]);
    expect(reading.tnef).toBeUndefined();
    expect(reading.embedded[0]!.tnef).toEqual(TNEF);
    expect(reading.embedded[0]!.attachments).toEqual(['winmail.dat']);
  });

  it('says 8bit or binary when the bytes are not 7bit', () => {
    const encodingOf = (bytes: Buffer) => {
      const ls = lines(composeMessage({ ...SPEC, embedded: [bytes] }));
      return ls[ls.indexOf('Content-Type: message/rfc822') + 1];
    };
    expect(encodingOf(composeMessage(INNER, ['eight-bit-header']))).toBe('Content-Transfer-Encoding: 8bit');
    expect(encodingOf(Buffer.from('Subject: x\r\n\r\na\0b\r\n'))).toBe('Content-Transfer-Encoding: binary');
    expect(encodingOf(Buffer.from('Subject: x\n\nbare LF\n'))).toBe('Content-Transfer-Encoding: binary');
  });

  it('takes another boundary when the bytes given hold its own, and refuses a body that does', () => {
    const multipart = composeMessage({ ...INNER, tnef: TNEF });
    const ls = lines(composeMessage({ ...SPEC, embedded: [multipart] }));
    expect(ls.filter((l) => l.startsWith('\tboundary='))).toEqual(['\tboundary="----=_NextPart_001_0001_01BE7E5A.5C2AEAA0"', '\tboundary="----=_NextPart_000_0001_01BE7E5A.5C2AEAA0"']);
    const sneaky = { ...INNER, body: 'a\r\n------=_NextPart_000_0001_01BE7E5A.5C2AEAA0--' };
    expect(() => composeMessage({ ...SPEC, embedded: [{ spec: sneaky }] })).toThrow(/boundary/);
  });
});

describe('readMime reads an embedded message as a message of its own', () => {
  it('gives what reading its bytes alone gives, and where it sits', () => {
    const inner = composeMessage(INNER, ['header-without-colon', 'missing-mime-version']);
    const reading = readMime(composeMessage({ ...SPEC, embedded: [inner] }));
    expect(reading.headerDefects).toEqual([]);
    expect(reading.embedded).toEqual([{ part: '2', ...readMime(inner) }]);
    expect(reading.embedded[0]!.headerDefects).toEqual(['header-without-colon', 'missing-mime-version']);
    expect(reading.embedded[0]!.findings).toEqual([{ defect: 'header-without-colon', part: '' }, { defect: 'missing-mime-version', part: '' }]);
  });

  it('asks MIME-Version of the embedded message, as of any message (RFC 2045 section 4)', () => {
    const inner = Buffer.from('Subject: forwarded\r\nContent-Type: text/plain\r\n\r\nx\r\n');
    expect(readMime(composeMessage({ ...SPEC, embedded: [inner] })).embedded[0]!.headerDefects).toEqual(['missing-mime-version']);
    const plain = Buffer.from('Subject: forwarded, no MIME\r\n\r\nx\r\n');
    expect(readMime(composeMessage({ ...SPEC, embedded: [plain] })).embedded[0]!.headerDefects).toEqual([]);
  });

  it('keeps the outer message\'s defects and the embedded one\'s apart, for any two sets', () => {
    const defects = fc.subarray([...MIME_DEFECTS]);
    fc.assert(
      fc.property(messageSpec, defects, messageSpec, defects, fc.boolean(), (outer, outerDefects, inner, innerDefects, withTnef) => {
        const innerSpec = { ...inner, ...(withTnef ? { tnef: TNEF } : {}) };
        const reading = readMime(composeMessage({ ...outer, embedded: [{ spec: innerSpec, defects: innerDefects }] }, outerDefects));
        expect([...reading.headerDefects].sort()).toEqual([...outerDefects].sort());
        expect(reading.embedded).toHaveLength(1);
        const embedded = reading.embedded[0]!;
        expect(embedded.part).toBe('2');
        expect([...embedded.headerDefects].sort()).toEqual([...innerDefects].sort());
        expect(embedded.messageId).toBe(inner.messageId);
        expect(embedded.tnef).toEqual(innerSpec.tnef);
        expect(reading.tnef).toBeUndefined();
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('round-trips any bytes it is given, two levels deep', () => {
    fc.assert(
      fc.property(messageSpec, messageSpec, messageSpec, fc.subarray([...MIME_DEFECTS]), (outer, middle, inner, defects) => {
        const innerBytes = composeMessage(inner, defects);
        const middleBytes = composeMessage({ ...middle, embedded: [innerBytes, { spec: inner }] });
        const reading = readMime(composeMessage({ ...outer, tnef: TNEF, embedded: [middleBytes] }));
        expect(reading.tnef).toEqual(TNEF);
        expect(alone(reading.embedded[0]!)).toEqual(readMime(middleBytes));
        const [first, second] = reading.embedded[0]!.embedded;
        expect([first!.part, second!.part]).toEqual(['2', '3']);
        expect(alone(first!)).toEqual(readMime(innerBytes));
        expect(alone(second!)).toEqual(readMime(composeMessage(inner)));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('reads a message/rfc822 that is the whole body as part 1, and digest parts as messages', () => {
    const whole = Buffer.from(['MIME-Version: 1.0', 'Content-Type: message/rfc822', '', 'Subject: inner', '', 'x'].join('\r\n'));
    expect(readMime(whole).embedded.map((e) => [e.part, e.subject])).toEqual([['1', 'inner']]);
    const digest = Buffer.from([
      'MIME-Version: 1.0', 'Content-Type: multipart/digest; boundary=d', '',
      '--d', '', 'Subject: first', '', 'a', '--d', '', 'Subject: second', '', 'b', '--d--', '',
    ].join('\r\n'));
    expect(readMime(digest).embedded.map((e) => [e.part, e.subject])).toEqual([['1', 'first'], ['2', 'second']]);
  });
});

describe('readMime never throws on embedded messages, whatever happens to the bytes', () => {
  it('on edits of a message with a nested embedded multipart', () => {
    const good = composeMessage({ ...SPEC, tnef: TNEF, embedded: [{ spec: { ...INNER, tnef: TNEF, embedded: [{ spec: INNER }] } }] });
    const edit = fc.record({ at: fc.nat(good.length), cut: fc.nat(40), insert: fc.uint8Array({ maxLength: 40 }) });
    const defectsIn = (r: MimeReading): string[] => [...r.headerDefects, ...r.embedded.flatMap(defectsIn)];
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let bytes = good;
        for (const e of edits) bytes = Buffer.concat([bytes.subarray(0, e.at), e.insert, bytes.subarray(e.at + e.cut)]);
        for (const d of defectsIn(readMime(bytes))) expect(MIME_DEFECTS).toContain(d);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('postal-mime agrees on embedded messages', () => {
  it('sees the same bytes as a message/rfc822 attachment', async () => {
    await fc.assert(
      fc.asyncProperty(messageSpec, messageSpec, async (outer, inner) => {
        const innerBytes = composeMessage(inner);
        const email = await PostalMime.parse(composeMessage({ ...outer, embedded: [innerBytes] }), { forceRfc822Attachments: true });
        expect(email.attachments.map((a) => a.mimeType)).toEqual(['message/rfc822']);
        // postal-mime hands the content back with LF line ends, and keeps the line break before the
        // delimiter, which RFC 2046 section 5.1.1 gives to the delimiter: the same bytes otherwise.
        const theirs = Buffer.from(email.attachments[0]!.content as ArrayBuffer).toString('latin1');
        expect(theirs).toBe(`${innerBytes.toString('latin1').replace(/\r\n/g, '\n')}\n`);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
