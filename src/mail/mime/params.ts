// Fields of the form "value *(; attribute=value)": Content-Type (RFC 2045 section 5.1) and
// Content-Disposition (RFC 2183 section 2), with RFC 2231's parameter value continuations,
// charsets and languages (its section 7 grammar replaces RFC 2045's for parameters).

import { isTokenChar, lex } from './lexer.ts';
import type { Lexeme } from './lexer.ts';

export interface Parameterized {
  /** Lower-cased: "type/subtype" or the disposition type. */
  readonly value: string;
  /** Attribute (lower-cased) to value, continuations joined and RFC 2231 encodings undone. */
  readonly params: ReadonlyMap<string, string>;
}

/** RFC 2978 section 2.3: what a charset name may be made of. */
export const MIME_CHARSET = /^[A-Za-z0-9!#$%&'+^_`{}~-]+$/;
// RFC 2231 section 7: attribute-char is a token character other than "*", "'" and "%".
const isAttributeChar = (c: string): boolean => isTokenChar(c) && c !== '*' && c !== "'" && c !== '%';
const ATTRIBUTE_NAME = /^([^*]+)(?:\*(0|[1-9][0-9]*))?(\*)?$/;
// A language tag as RFC 1766 has it, digits allowed after the first subtag (RFC 5646), or none.
const LANGUAGE = /^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)?$/;

interface Section { readonly extended: boolean; readonly text: string }
interface Collected { plain?: string; sections: Map<number, Section> }

/** ext-octets and attribute-chars (RFC 2231 section 7) as bytes, or undefined. */
function extendedOctets(text: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (isAttributeChar(c)) {
      bytes.push(c.charCodeAt(0));
    } else {
      return undefined;
    }
  }
  return bytes;
}

/** Octets in the named charset; what no decoder knows is read as latin1 (one char per octet). */
function decodeIn(charset: string, bytes: readonly number[]): string {
  const octets = Uint8Array.from(bytes);
  try {
    return new TextDecoder(charset.toLowerCase() || 'us-ascii').decode(octets);
  } catch {
    return Buffer.from(octets).toString('latin1');
  }
}

/** Joins the sections of one parameter; undefined if RFC 2231 does not allow them. */
function assemble(sections: ReadonlyMap<number, Section>): string | undefined {
  // Sections count from 0 up by 1 (RFC 2231 section 3), in any order of appearance.
  for (let n = 0; n < sections.size; n++) if (!sections.has(n)) return undefined;
  let charset = '';
  let octets: number[] = [];
  let out = '';
  const flush = (): void => {
    if (octets.length > 0) out += decodeIn(charset, octets);
    octets = [];
  };
  for (let n = 0; n < sections.size; n++) {
    const { extended, text } = sections.get(n)!;
    if (!extended) {
      flush();
      out += text;
      continue;
    }
    let encoded = text;
    if (n === 0) {
      // extended-initial-value := [charset] "'" [language] "'" extended-other-values
      const m = /^([^']*)'([^']*)'(.*)$/s.exec(text);
      if (m === null || (m[1] !== '' && !MIME_CHARSET.test(m[1]!)) || !LANGUAGE.test(m[2]!)) return undefined;
      charset = m[1]!;
      encoded = m[3]!;
    }
    const bytes = extendedOctets(encoded);
    if (bytes === undefined) return undefined;
    for (const b of bytes) octets.push(b);
  }
  flush();
  return out;
}

/**
 * Parameters after the leading value, strictly. `duplicates` says whether naming the same
 * parameter twice is an error (it is for media types: RFC 6838 section 4.3).
 */
function parameters(lexemes: readonly Lexeme[], from: number, duplicates: boolean): Map<string, string> | undefined {
  const collected = new Map<string, Collected>();
  for (let i = from; i < lexemes.length; i += 4) {
    const [semi, name, eq, value] = [lexemes[i], lexemes[i + 1], lexemes[i + 2], lexemes[i + 3]];
    // A trailing ";" has no parameter after it: not in RFC 2045's grammar.
    if (semi?.kind !== 'special' || semi.text !== ';') return undefined;
    if (name?.kind !== 'token' || eq?.kind !== 'special' || eq.text !== '=') return undefined;
    if (value === undefined || value.kind === 'special') return undefined;
    const m = ATTRIBUTE_NAME.exec(name.text);
    if (m === null || ![...m[1]!].every(isAttributeChar)) return undefined;
    const attribute = m[1]!.toLowerCase();
    const extended = m[3] !== undefined;
    if (extended && value.kind !== 'token') return undefined; // extended values are never quoted
    const entry = collected.get(attribute) ?? { sections: new Map<number, Section>() };
    collected.set(attribute, entry);
    if (m[2] === undefined && !extended) {
      if (entry.plain !== undefined && duplicates) return undefined;
      entry.plain = value.text;
      continue;
    }
    // "name*" is section 0 as much as "name*0" is (RFC 2231 section 4), whichever comes first.
    const n = m[2] === undefined ? 0 : Number(m[2]);
    if (entry.sections.has(n)) {
      if (duplicates) return undefined;
      continue; // the first one given stands
    }
    entry.sections.set(n, { extended, text: value.text });
  }
  const params = new Map<string, string>();
  for (const [attribute, { plain, sections }] of collected) {
    if (sections.size === 0) {
      params.set(attribute, plain!);
      continue;
    }
    // "name" beside "name*" is allowed (an old reader takes the one, a new the other).
    const joined = assemble(sections);
    if (joined === undefined) return undefined;
    params.set(attribute, joined);
  }
  return params;
}

/** Content-Type: type "/" subtype *(";" parameter), or undefined if malformed. */
export function parseMediaType(value: string): Parameterized | undefined {
  const lexemes = lex(value);
  if (lexemes === undefined) return undefined;
  const [type, slash, subtype] = lexemes;
  if (type?.kind !== 'token' || slash?.kind !== 'special' || slash.text !== '/' || subtype?.kind !== 'token') return undefined;
  const params = parameters(lexemes, 3, true);
  return params === undefined ? undefined : { value: `${type.text}/${subtype.text}`.toLowerCase(), params };
}

/** Content-Disposition: disposition-type *(";" disposition-parm), or undefined if malformed. */
export function parseDisposition(value: string): Parameterized | undefined {
  const lexemes = lex(value);
  if (lexemes === undefined) return undefined;
  const [type] = lexemes;
  if (type?.kind !== 'token') return undefined;
  const params = parameters(lexemes, 1, false);
  return params === undefined ? undefined : { value: type.text.toLowerCase(), params };
}

/**
 * A parameter as a forgiving reader sees it: quoted (even unterminated, quoted-pairs undone) or
 * a bare run, '' if empty; of an RFC 2231 form, the first section, past any charset'language'
 * and %-escapes undone.
 */
export function lenientParam(value: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)[ \\t]*${key}(\\*0)?(\\*)?[ \\t]*=[ \\t]*(?:"((?:[^"\\\\]|\\\\.)*)"?|([^\\s;"]+))`, 'is').exec(value);
  if (m === null) return undefined;
  const text = (m[3]?.replace(/\\(.)/gs, '$1') ?? m[4] ?? '').trim();
  if (m[2] === undefined) return text;
  const encoded = /^[^']*'[^']*'(.*)$/s.exec(text)?.[1] ?? text;
  return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
