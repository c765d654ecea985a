// Charset parameters (Q293288): composed, read back, and a malformed one told apart by where it is.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MIME_DEFECTS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MimeDefect, MessageSpec } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, charsetName, messageSpec } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);
const CRLF = '\r\n';

/** Where composeMessage puts the text: '' when it is the message's body, '1' when the first part of a multipart. */
function textPartOf(spec: MessageSpec, defects: readonly MimeDefect[]): string {
  const has = (d: MimeDefect) => defects.includes(d);
  const bothVersions = has('bad-mime-version') && has('missing-mime-version');
  const multipart = spec.tnef !== undefined || (spec.embedded ?? []).length > 0 || has('missing-boundary') || bothVersions || has('bad-charset');
  return multipart ? '1' : '';
}

/** Where composeMessage puts each defect: on the text's header, or on the message's own. */
function placeOf(defect: MimeDefect, spec: MessageSpec, defects: readonly MimeDefect[]): string {
  const onText = defect === 'bad-charset' || defect === 'bad-transfer-encoding'
    || (defect === 'bad-mime-version' && defects.includes('missing-mime-version'));
  return onText ? textPartOf(spec, defects) : '';
}

describe('the text part charset', () => {
  it('is us-ascii unless the spec names one', () => {
    expect(readMime(composeMessage(SPEC)).charsets).toEqual([{ part: '', type: 'text/plain', charset: 'us-ascii', valid: true }]);
    expect(readMime(composeMessage({ ...SPEC, charset: 'ISO-8859-1', tnef: TNEF })).charsets)
      .toEqual([{ part: '1', type: 'text/plain', charset: 'ISO-8859-1', valid: true }]);
  });

  it('must be a charset name in the spec: a malformed one is a defect to ask for, not a spec', () => {
    for (const charset of ['', 'us ascii', 'utf-8"', 'caf\u00e9']) expect(() => composeMessage({ ...SPEC, charset })).toThrow(RangeError);
  });

  it('round-trips any charset name, whatever the other defects', () => {
    const others = fc.subarray(MIME_DEFECTS.filter((d) => d !== 'bad-charset'));
    fc.assert(
      fc.property(messageSpec, charsetName, fc.boolean(), others, (spec, charset, withTnef, defects) => {
        const full = { ...spec, charset, ...(withTnef ? { tnef: TNEF } : {}) };
        const reading = readMime(composeMessage(full, defects));
        expect(reading.charsets).toEqual([{ part: textPartOf(full, defects), type: 'text/plain', charset, valid: true }]);
        expect([...reading.headerDefects].sort()).toEqual([...defects].sort());
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('bad-charset, as Q293288 shows it', () => {
  it('is written in the article\'s form on the text part\'s header', () => {
    const text = composeMessage(SPEC, ['bad-charset']).toString('latin1');
    expect(text).toContain(`${CRLF}Content-Type: text/plain;${CRLF}\tcharset = ""${CRLF}Content-Transfer-Encoding: 7bit${CRLF}`);
    const reading = readMime(Buffer.from(text, 'latin1'));
    expect(reading.headerDefects).toEqual(['bad-charset']);
    expect(reading.findings).toEqual([{ defect: 'bad-charset', part: '1' }]);
    expect(reading.charsets).toEqual([{ part: '1', type: 'text/plain', charset: '', valid: false }]);
  });

  it('is told apart from the same fault in the message\'s own header', () => {
    const top = Buffer.from(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=""', '', 'x'].join(CRLF), 'latin1');
    expect(readMime(top).findings).toEqual([{ defect: 'bad-charset', part: '' }]);
  });

  it('reads the article\'s part as printed: with the parameter line at column 0 it is no parameter at all', () => {
    // In the article the line "charset = """ is not indented: taken literally it does not continue
    // Content-Type (RFC 5322 2.2.3), so it is a line without a colon, and "text/plain;" ends in ";".
    const boundary = '=_ Boundary 1-KTwEv4jY84Hk';
    const article = (indent: string) => Buffer.from([
      'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
      `--${boundary}`, 'Content-Type: text/plain;', `${indent}charset = ""`, 'Content-Transfer-Encoding: 7bit', '', 'Hello', `--${boundary}--`, '',
    ].join(CRLF), 'latin1');
    expect(readMime(article('')).findings).toEqual([
      { defect: 'header-without-colon', part: '1' }, { defect: 'unparseable-content-type', part: '1' },
    ]);
    expect(readMime(article('\t')).findings).toEqual([{ defect: 'bad-charset', part: '1' }]);
    expect(readMime(article(' ')).charsets).toEqual([{ part: '1', type: 'text/plain', charset: '', valid: false }]);
  });

  it('reads charsets in RFC 2231 form and judges what they decode to', () => {
    const charsetsOf = (param: string) => readMime(Buffer.from(['MIME-Version: 1.0', `Content-Type: text/plain; ${param}`, '', 'x'].join(CRLF), 'latin1'));
    expect(charsetsOf("charset*=''windows-1252").charsets).toEqual([{ part: '', type: 'text/plain', charset: 'windows-1252', valid: true }]);
    expect(charsetsOf("charset*0*=us-ascii'en'utf; charset*1=-8").charsets[0]!.charset).toBe('utf-8');
    expect(charsetsOf("charset*=utf-8''").headerDefects).toEqual(['bad-charset']);
    expect(charsetsOf("charset*=utf-8''us%20ascii").headerDefects).toEqual(['bad-charset']);
  });
});

describe('findings say where each defect is', () => {
  it('for any composed set of defects: each once, at its place', () => {
    fc.assert(
      fc.property(messageSpec, fc.boolean(), fc.subarray([...MIME_DEFECTS]), (spec, withTnef, defects) => {
        const full = withTnef ? { ...spec, tnef: TNEF } : spec;
        const { findings } = readMime(composeMessage(full, defects));
        const expected = defects.map((defect) => ({ defect, part: placeOf(defect, full, defects) }));
        const key = (f: { defect: string; part: string }) => `${f.part}/${f.defect}`;
        expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
