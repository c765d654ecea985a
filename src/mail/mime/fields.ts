// The header section of an entity (RFC 5322 section 2.2): where it ends, its fields once
// unfolded, and the two defects that can be seen line by line.

import type { MimeDefect } from './defects.ts';

/** name lower-cased; value unfolded (CRLF before WSP removed) and trimmed. */
export interface Field { readonly name: string; readonly value: string }

export interface Entity { readonly header: string; readonly body: string }

// ftext: printable US-ASCII except ':'.
const FTEXT_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const EIGHT_BIT = /[\x80-\xff]/;

const isWsp = (c: string | undefined): boolean => c === ' ' || c === '\t';

export function trimWsp(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isWsp(s[from])) from++;
  while (to > from && isWsp(s[to - 1])) to--;
  return s.slice(from, to);
}

/** Split at the first empty line: CRLF CRLF, or LF LF from a sloppy sender. */
export function splitEntity(text: string): Entity {
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const empty = end === pos || (end === pos + 1 && text[pos] === '\r');
    if (empty && pos < text.length) return { header: text.slice(0, pos), body: nl === -1 ? '' : text.slice(nl + 1) };
    if (nl === -1) return { header: text, body: '' };
    pos = nl + 1;
  }
}

function headerLines(header: string): string[] {
  const lines = header.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function readFields(header: string, note: (d: MimeDefect) => void): Field[] {
  const fields: { name: string; value: string }[] = [];
  let current: { name: string; value: string } | undefined;
  for (const line of headerLines(header)) {
    if (EIGHT_BIT.test(line)) note('eight-bit-header');
    if (isWsp(line[0])) {
      if (current === undefined) note('header-without-colon');
      else current.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon);
    if (!FTEXT_NAME.test(name)) {
      note('header-without-colon');
      current = { name: '', value: '' }; // its continuations fold into it, not into the field before
      continue;
    }
    current = { name: name.toLowerCase(), value: line.slice(colon + 1) };
    fields.push(current);
  }
  return fields.map((f) => ({ name: f.name, value: trimWsp(f.value) }));
}

export function valuesOf(fields: readonly Field[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}
