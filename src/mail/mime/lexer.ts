// The lexical tokens of a MIME structured field (RFC 2045 section 5.1, which takes RFC 822
// section 3.3's rules): tokens, quoted-strings and tspecials, with linear white space and
// (nested) comments allowed between any two of them and dropped.
//
// Raw bytes above 0x7F are let through as token or quoted-string characters: they are a defect
// of their own (eight-bit-header, found line by line), and each fault is reported once.

export type Lexeme =
  | { readonly kind: 'token'; readonly text: string }
  | { readonly kind: 'quoted'; readonly text: string } // without its quotes, quoted-pairs undone
  | { readonly kind: 'special'; readonly text: string };

/** RFC 2045 section 5.1: RFC 822's specials, less ".", plus "/", "?" and "=". */
export const TSPECIALS = '()<>@,;:\\"/[]?=';

const isCtl = (code: number): boolean => code < 0x20 || code === 0x7f;

export const isTokenChar = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code > 0x20 && !isCtl(code) && !TSPECIALS.includes(c);
};

/** The end of the comment opening at `from`, or -1 if it never closes. */
function commentEnd(value: string, from: number): number {
  let depth = 0;
  for (let i = from; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\r') return -1;
  }
  return -1;
}

/** The lexemes of an unfolded field body, or undefined if it is not made of them. */
export function lex(value: string): Lexeme[] | undefined {
  const out: Lexeme[] = [];
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(') {
      const end = commentEnd(value, i);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; ; i++) {
        if (i >= value.length || value[i] === '\r') return undefined; // unterminated
        const q = value[i]!;
        if (q === '"') break;
        if (q === '\\') {
          if (++i >= value.length) return undefined;
          text += value[i];
        } else {
          text += q;
        }
      }
      i++;
      out.push({ kind: 'quoted', text });
    } else if (TSPECIALS.includes(c)) {
      out.push({ kind: 'special', text: c });
      i++;
    } else if (isTokenChar(c)) {
      let end = i;
      while (end < value.length && isTokenChar(value[end]!)) end++;
      out.push({ kind: 'token', text: value.slice(i, end) });
      i = end;
    } else {
      return undefined; // a control character outside a quoted-string
    }
  }
  return out;
}
