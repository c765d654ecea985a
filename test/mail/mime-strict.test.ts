import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MIME_DEFECTS, composeMessage, headerText, readMime } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);
const message = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
const defectsOf = (...lines: string[]) => readMime(message(...lines)).headerDefects;

describe('readMime is strict about headers', () => {
  it('accepts RFC 2045 comments in MIME-Version and Content-Transfer-Encoding', () => {
    expect(defectsOf('MIME-Version: 1.0 (produced by MetaSend Vx.x)', 'Content-Type: text/plain', 'Content-Transfer-Encoding: (x) BASE64', '', '')).toEqual([]);
    expect(defectsOf('MIME-Version: 1.0 (beta) 2.1', 'Content-Type: text/plain', '', '')).toEqual(['bad-mime-version']);
  });

  it('wants ftext field names and a field to fold into', () => {
    expect(defectsOf('Subject : obsolete spacing', '', '')).toEqual(['header-without-colon']);
    expect(defectsOf(' continuation first', 'Subject: x', '', '')).toEqual(['header-without-colon']);
    expect(defectsOf('Subject: x', ' folded', '', '')).toEqual([]);
  });

  it('judges Content-Type by RFC 2045 section 5.1, with RFC 822 comments and white space', () => {
    expect(defectsOf('MIME-Version: 1.0', 'Content-Type: text/plain (comment)', '', '')).toEqual([]);
    expect(defectsOf('MIME-Version: 1.0', 'Content-Type: text/plain; charset = us-ascii', '', '')).toEqual([]);
    expect(defectsOf('MIME-Version: 1.0', 'Content-Type: text/plain;', '', '')).toEqual(['unparseable-content-type']);
    expect(defectsOf('MIME-Version: 1.0', 'Content-Type: text/plain (unterminated', '', '')).toEqual(['unparseable-content-type']);
    expect(defectsOf('MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=""', '', '')).toEqual(['missing-boundary']);
  });

  it('asks MIME-Version only of the message, not of its parts', () => {
    expect(defectsOf('Subject: no MIME at all', '', 'text')).toEqual([]);
    expect(readMime(composeMessage({ ...SPEC, tnef: TNEF })).headerDefects).toEqual([]);
  });

  it('knows the five RFC 2045 encodings and private x-tokens, and nothing else', () => {
    const cte = (value: string) => defectsOf('MIME-Version: 1.0', 'Content-Type: text/plain', `Content-Transfer-Encoding: ${value}`, '', '');
    expect(cte('x-uuencode')).toEqual([]);
    expect(cte('X-UUENCODE (private)')).toEqual([]);
    for (const bad of ['uuencode', 'x-', '7-bit', 'quoted printable', 'base64;', '']) expect(cte(bad)).toEqual(['bad-transfer-encoding']);
  });

  it('allows only 7bit, 8bit and binary on a composite entity', () => {
    const on = (type: string, cte: string) => defectsOf('MIME-Version: 1.0', `Content-Type: ${type}`, `Content-Transfer-Encoding: ${cte}`, '', '');
    for (const type of ['multipart/mixed; boundary=b', 'message/rfc822']) {
      for (const ok of ['7bit', '8bit', 'binary']) expect(on(type, ok)).toEqual([]);
      for (const bad of ['base64', 'quoted-printable', 'x-gzip']) expect(on(type, bad)).toEqual(['bad-transfer-encoding']);
    }
    expect(on('message/partial; id=a; number=1', '8bit')).toEqual(['bad-transfer-encoding']);
    expect(on('message/global', 'base64')).toEqual([]);
  });
});

describe('readMime is lenient about content', () => {
  it('splits at LF LF and reads LF-only messages', () => {
    const reading = readMime(Buffer.from(composeMessage({ ...SPEC, tnef: TNEF }).toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
    expect(reading.headerDefects).toEqual([]);
    expect(reading.tnef).toEqual(TNEF);
  });

  it('keeps the last part when the close delimiter is missing', () => {
    const text = composeMessage({ ...SPEC, tnef: TNEF }).toString('latin1');
    const reading = readMime(Buffer.from(text.slice(0, text.lastIndexOf('\r\n------=_NextPart')), 'latin1'));
    expect(reading.tnef).toEqual(TNEF);
  });

  it('finds winmail.dat in a nested multipart and decodes quoted-printable', () => {
    const reading = readMime(message(
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=outer', '',
      '--outer', 'Content-Type: multipart/alternative; boundary=inner', '',
      '--inner', 'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename=winmail.dat',
      'Content-Transfer-Encoding: quoted-printable', '', 'x=9F=3E', '--inner--', '--outer--', ''));
    expect(reading.headerDefects).toEqual([]);
    expect(reading.attachments).toEqual(['winmail.dat']);
    expect(reading.tnef).toEqual(Buffer.from([0x78, 0x9f, 0x3e]));
  });

  it('never throws, whatever happens to the bytes', () => {
    const good = composeMessage({ ...SPEC, tnef: TNEF });
    const edit = fc.record({ at: fc.nat(good.length), cut: fc.nat(40), insert: fc.uint8Array({ maxLength: 40 }) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let bytes = good;
        for (const e of edits) bytes = Buffer.concat([bytes.subarray(0, e.at), e.insert, bytes.subarray(e.at + e.cut)]);
        for (const d of readMime(bytes).headerDefects) expect(MIME_DEFECTS).toContain(d);
      }),
      { seed: SEED, numRuns: 500 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void readMime(bytes)), { seed: SEED, numRuns: 300 });
  });
});

describe('headerText', () => {
  it('leaves printable ASCII alone and encodes anything else as an RFC 2047 encoded-word', () => {
    expect(headerText('Message 1')).toBe('Message 1');
    const encoded = headerText('Undeliverable: caf\u00e9');
    expect(encoded).toMatch(/^=\?utf-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(Buffer.from(encoded.slice(10, -2), 'base64').toString('utf8')).toBe('Undeliverable: caf\u00e9');
  });
});
