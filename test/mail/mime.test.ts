import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { composeMessage, messageIdOf, readMime } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, messageSpec, tnefContent } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);
const lines = (bytes: Buffer) => bytes.toString('latin1').split('\r\n');

describe('composeMessage, good', () => {
  it('writes a plain text message with CRLF line endings', () => {
    const text = composeMessage(SPEC).toString('latin1');
    expect(text).toBe([
      'From: postmaster@remote.example', 'To: admin@exchange.example', 'Subject: Quarterly figures',
      'Date: Thu, 22 Apr 1999 10:15:00 -0700', 'Message-ID: <3.1999@remote.example>', 'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="us-ascii"', 'Content-Transfer-Encoding: 7bit', '',
      'The figures are attached.', '', '-- ', 'Admin', '',
    ].join('\r\n'));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('attaches TNEF as a base64 winmail.dat part after the text part', () => {
    const ls = lines(composeMessage({ ...SPEC, tnef: TNEF }));
    const delimiter = '------=_NextPart_000_0001_01BE7E5A.5C2AEAA0';
    expect(ls).toContain('This is a multi-part message in MIME format.');
    expect(ls.filter((l) => l === delimiter)).toHaveLength(2);
    expect(ls.at(-2)).toBe(`${delimiter}--`);
    const start = ls.indexOf('\tfilename="winmail.dat"') + 2;
    const base64 = ls.slice(start, ls.length - 2);
    expect(base64.every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(base64.join(''), 'base64')).toEqual(TNEF);
  });

  it('refuses specs that would not make well-formed bytes', () => {
    expect(() => composeMessage({ ...SPEC, subject: 'caf\u00e9' })).toThrow(RangeError);
    expect(() => composeMessage({ ...SPEC, subject: 'x\r\nBcc: all@example' })).toThrow(RangeError);
    expect(() => composeMessage({ ...SPEC, messageId: '<a@b>' })).toThrow(RangeError);
    expect(() => composeMessage({ ...SPEC, body: '\u00e9' })).toThrow(RangeError);
    expect(() => composeMessage({ ...SPEC, tnef: TNEF, body: 'a\r\n------=_NextPart_000_0001_01BE7E5A.5C2AEAA0--' })).toThrow(/boundary/);
  });
});

describe('readMime, good', () => {
  it('reads a plain text message', () => {
    expect(readMime(composeMessage(SPEC))).toEqual({
      headerDefects: [], findings: [], charsets: [{ part: '', type: 'text/plain', charset: 'us-ascii', valid: true }], embedded: [],
      messageId: SPEC.messageId, from: SPEC.from, to: SPEC.to, subject: SPEC.subject, attachments: [], tnef: undefined,
    });
  });

  it('reads a message with winmail.dat, recovering exactly the TNEF bytes', () => {
    expect(readMime(composeMessage({ ...SPEC, tnef: TNEF }))).toEqual({
      headerDefects: [], findings: [], charsets: [{ part: '1', type: 'text/plain', charset: 'us-ascii', valid: true }], embedded: [],
      messageId: SPEC.messageId, from: SPEC.from, to: SPEC.to, subject: SPEC.subject, attachments: ['winmail.dat'], tnef: TNEF,
    });
  });

  it('round-trips any spec, with and without TNEF', () => {
    const tnef = fc.option(tnefContent.map((c) => writeTnef(c, 1)), { nil: undefined });
    fc.assert(
      fc.property(messageSpec, tnef, (spec, bytes) => {
        const reading = readMime(composeMessage({ ...spec, tnef: bytes }));
        expect(reading.headerDefects).toEqual([]);
        expect([reading.messageId, reading.from, reading.to, reading.subject]).toEqual([spec.messageId, spec.from, spec.to, spec.subject]);
        expect(reading.attachments).toEqual(bytes === undefined ? [] : ['winmail.dat']);
        expect(reading.tnef).toEqual(bytes);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('messageIdOf', () => {
  it('gives the Message-ID without brackets', () => {
    expect(messageIdOf(composeMessage(SPEC))).toBe('3.1999@remote.example');
    expect(messageIdOf(composeMessage({ ...SPEC, tnef: TNEF }, ['header-without-colon', 'eight-bit-header']))).toBe('3.1999@remote.example');
  });

  it('unfolds, tolerates LF and looks only at the header section', () => {
    expect(messageIdOf(Buffer.from('Subject: x\r\nMessage-ID:\r\n <folded@here>\r\n\r\nbody'))).toBe('folded@here');
    expect(messageIdOf(Buffer.from('Message-Id: <lf@only>\nSubject: x\n\nbody\n'))).toBe('lf@only');
    expect(messageIdOf(Buffer.from('Subject: x\r\n\r\nMessage-ID: <in@body>\r\n'))).toBeUndefined();
    expect(messageIdOf(Buffer.from(''))).toBeUndefined();
  });
});
