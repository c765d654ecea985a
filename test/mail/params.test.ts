// The parameter grammar of MIME fields (RFC 2045 5.1 with RFC 822's lexical rules, RFC 2183 2,
// RFC 2231 7), and `content-type` (jshttp) as an independent judge where HTTP's grammar and
// RFC 2045's coincide.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'content-type';
import { lex } from '../../src/mail/mime/lexer.ts';
import { lenientParam, parseDisposition, parseMediaType } from '../../src/mail/mime/params.ts';
import { SEED } from './samples.ts';

const params = (value: string) => {
  const parsed = parseMediaType(value);
  return parsed === undefined ? undefined : [parsed.value, Object.fromEntries(parsed.params)];
};

describe('lex', () => {
  it('drops white space and nested comments, undoes quoted-pairs, keeps tspecials', () => {
    expect(lex(' a/b (c (d) \\) e) ; k = "v \\"w\\"" ')).toEqual([
      { kind: 'token', text: 'a' }, { kind: 'special', text: '/' }, { kind: 'token', text: 'b' }, { kind: 'special', text: ';' },
      { kind: 'token', text: 'k' }, { kind: 'special', text: '=' }, { kind: 'quoted', text: 'v "w"' },
    ]);
  });

  it('fails on an unterminated comment or quoted-string, or a control character outside one', () => {
    for (const bad of ['a (b', 'a "b', 'a "b\\', 'a\x01b']) expect(lex(bad)).toBeUndefined();
    expect(lex('"a\x01b"')).toEqual([{ kind: 'quoted', text: 'a\x01b' }]);
  });
});

describe('parseMediaType', () => {
  it('reads type, subtype and parameters, case-insensitive where the RFC says so', () => {
    expect(params('Text/Plain; Charset="US-ASCII"; format=flowed')).toEqual(['text/plain', { charset: 'US-ASCII', format: 'flowed' }]);
    expect(params('text/plain ; charset = us-ascii (the default)')).toEqual(['text/plain', { charset: 'us-ascii' }]);
  });

  it('joins RFC 2231 sections in number order and decodes them in their charset', () => {
    expect(params("a/b; t*2=c; t*0*=utf-8'en'%C3%A9; t*1=\" \"")).toEqual(['a/b', { t: '\u00e9 c' }]);
    expect(params("a/b; t*=iso-8859-1''%E9")).toEqual(['a/b', { t: '\u00e9' }]);
    expect(params("a/b; t*=''x")).toEqual(['a/b', { t: 'x' }]);
    expect(params("a/b; t=old; t*=''new")).toEqual(['a/b', { t: 'new' }]);
  });

  it('takes "t*" for section 0, whether it comes before or after the other sections', () => {
    expect(params("a/b; t*=''Re; t*1=port")).toEqual(['a/b', { t: 'Report' }]);
    expect(params("a/b; t*1=port; t*=''Re")).toEqual(['a/b', { t: 'Report' }]);
    for (const twice of ["a/b; t*0=Re; t*=''port", "a/b; t*=''Re; t*0=port"]) expect(parseMediaType(twice), twice).toBeUndefined();
  });

  it('copes with long values in a charset no decoder knows', () => {
    const long = '%41'.repeat(2_000_000);
    expect(parseMediaType(`a/b; t*=x-unknown''${long}`)?.params.get('t')).toBe('A'.repeat(2_000_000));
  });

  it('rejects what RFC 2045 and RFC 2231 do not allow', () => {
    for (const bad of [
      '', 'text', 'text/', '/plain', 'text/plain;', 'text/plain; a', 'text/plain; a=', 'text/plain a=b', 'text/plain; a=b c',
      'text/plain; a=1; A=2', "a/b; t*=x", 'a/b; t*="\'\'x"', "a/b; t*=''%4", "a/b; t*=''a*b", 'a/b; t*1=x', 'a/b; t*0=x; t*2=y',
      'a/b; t*00=x', 'a/b; t*0=x; t*0=y', "a/b; t*=''x; t*0=y", "a/b; t%=x", "a/b; t*=a b''x",
    ]) expect(parseMediaType(bad), bad).toBeUndefined();
  });
});

describe('parseDisposition', () => {
  it('reads the type and RFC 2231 filenames', () => {
    const d = parseDisposition("Attachment; filename*=utf-8''caf%C3%A9.txt; size=12");
    expect([d?.value, d && Object.fromEntries(d.params)]).toEqual(['attachment', { filename: 'caf\u00e9.txt', size: '12' }]);
  });

  it('rejects an empty field and unquoted specials', () => {
    for (const bad of ['', '; filename=a', 'attachment; filename=a b.txt', 'attachment; filename==?utf-8?B?YQ==?=']) {
      expect(parseDisposition(bad), bad).toBeUndefined();
    }
  });
});

describe('lenientParam', () => {
  it('reads what a strict reader refuses: quoted-pairs undone, an unterminated quote, the first RFC 2231 section', () => {
    const value = 'multipart/mixed; boundary="a\\.b"; boundary="a.b"; charset*=\'\'us%2Dascii; name*0*=utf-8\'\'win; name*1=mail.dat; title="open';
    expect(parseMediaType(value)).toBeUndefined();
    expect(['boundary', 'charset', 'name', 'title', 'size'].map((k) => lenientParam(value, k))).toEqual(['a.b', 'us-ascii', 'win', 'open', undefined]);
  });
});

describe('parseMediaType agrees with `content-type` where RFC 2045 and HTTP agree', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9!#$&^_.+-]{1,12}$/);
  const quoted = fc.stringMatching(/^[ A-Za-z0-9!#$%&'()*+,./:;<=>?@[\]^_`{|}~-]{0,16}$/).map((s) => `"${s}"`);
  const param = fc.tuple(token, fc.oneof(token, quoted)).filter(([k]) => !k.includes('*'));
  const value = fc.tuple(token, token, fc.uniqueArray(param, { maxLength: 4, selector: ([k]) => k.toLowerCase() }));

  it('on media types built from the common grammar', () => {
    fc.assert(
      fc.property(value, ([type, subtype, params]) => {
        const text = [`${type}/${subtype}`, ...params.map(([k, v]) => `${k}=${v}`)].join('; ');
        const theirs = parse(text);
        const ours = parseMediaType(text);
        expect(ours?.value).toBe(theirs.type);
        expect(Object.fromEntries(ours!.params)).toEqual(theirs.parameters);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('and differs only where RFC 2045 says otherwise', () => {
    // RFC 822 comments, which HTTP does not have.
    expect(() => parse('text/plain (comment)')).toThrow();
    expect(parseMediaType('text/plain (comment)')?.value).toBe('text/plain');
    // "{" and "}" are token characters in RFC 2045, delimiters in HTTP.
    expect(() => parse('text/plain; charset={x}')).toThrow();
    expect(parseMediaType('text/plain; charset={x}')?.params.get('charset')).toBe('{x}');
    // RFC 2231 sections, which the library leaves as separate raw parameters.
    expect(parse('text/plain; name*0=a; name*1=b').parameters).toEqual({ 'name*0': 'a', 'name*1': 'b' });
    expect(parseMediaType('text/plain; name*0=a; name*1=b')?.params.get('name')).toBe('ab');
    // A parameter given twice: the library keeps the last, RFC 6838 section 4.3 calls it an error.
    expect(parse('text/plain; a=1; a=2').parameters).toEqual({ a: '2' });
    expect(parseMediaType('text/plain; a=1; a=2')).toBeUndefined();
  });
});
