// The judge against the RFCs: one small message per class of finding (see fixtures/).

import { describe, it, expect } from 'vitest';
import { readMime } from '../../src/mail/mime.ts';
import { parseMediaType } from '../../src/mail/mime/params.ts';
import { DELIBERATE, FIXED, MALFORMED, bytesOf } from './fixtures/judge-classes.ts';
import type { JudgeCase } from './fixtures/judge-classes.ts';

const found = (c: JudgeCase) => readMime(bytesOf(c)).findings.map((f) => `${f.defect}@${f.part}`);

describe.each([
  ['well-formed by the RFCs, once misjudged', FIXED],
  ['malformed by the RFCs', MALFORMED],
  ['a deliberate difference from Python', DELIBERATE],
])('%s', (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(found(c)).toEqual(c.findings);
  });
});

describe('RFC 2231 parameters are read, not just accepted', () => {
  const read = (name: string) => readMime(bytesOf([...FIXED].find((c) => c.name === name)!));

  it('finds the parts of a multipart whose boundary is an RFC 2231 parameter', () => {
    for (const name of ['RFC 2231 boundary*= with charset and language', 'RFC 2231 boundary continuations, quoted and not, out of order', 'RFC 2231 encoded continuations']) {
      expect(parseMediaType(bytesOf(FIXED.find((c) => c.name === name)!).toString('latin1').split('\r\n')[3]!.slice(14))?.params.get('boundary')).toBe('b1');
      expect(read(name).charsets).toEqual([]); // the text part is found, and has no charset
    }
  });

  it('decodes charset and filename', () => {
    const reading = read('RFC 2231 charset and filename');
    expect(reading.charsets).toEqual([{ part: '', type: 'text/plain', charset: 'us-ascii', valid: true }]);
    expect(reading.attachments).toEqual(['caf\u00e9.txt']);
  });

  it('joins continuations of a filename in its charset', () => {
    const bytes = Buffer.from([
      'MIME-Version: 1.0', 'Content-Type: text/plain', 'Content-Disposition: attachment;',
      "\tfilename*0*=iso-8859-1''Eelanal%FC%FCsi%20;", '\tfilename*1=p;', "\tfilename*2*=%E4ring.jpg", '', 'x',
    ].join('\r\n'), 'latin1');
    const reading = readMime(bytes);
    expect(reading.headerDefects).toEqual([]);
    expect(reading.attachments).toEqual(['Eelanal\u00fc\u00fcsi p\u00e4ring.jpg']);
  });
});
