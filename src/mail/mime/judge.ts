// RFC 2045 MIME-Version and Content-Transfer-Encoding, judged strictly.

import type { MimeDefect } from './defects.ts';
import { lex } from './lexer.ts';

const ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64']);
const IDENTITY = new Set(['7bit', '8bit', 'binary']);

/** RFC 2045 allows comments around these values: "1.0 (produced by MetaSend Vx.x)". */
function withoutComments(value: string): string {
  let out = value;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\([^()]*\)/g, '');
  }
  return out.replace(/[ \t]/g, '');
}

export function judgeMimeVersion(values: readonly string[], topLevel: boolean, hasContentType: boolean, note: (d: MimeDefect) => void): void {
  for (const v of values) if (withoutComments(v) !== '1.0') note('bad-mime-version');
  // Only a message itself must declare MIME; its body parts inherit it (RFC 2045 section 4).
  if (topLevel && hasContentType && values.length === 0) note('missing-mime-version');
}

/**
 * RFC 2045 section 6.1: mechanism := "7bit" / "8bit" / "binary" / "quoted-printable" / "base64"
 * / ietf-token / x-token, comments allowed around it. No other mechanism is registered, so an
 * ietf-token is none of ours; an x-token ("x-" and a token: x-uuencode) is private but legal.
 * The mechanism lower-cased, or undefined if the value is not one.
 */
function mechanism(value: string): string | undefined {
  const lexemes = lex(value);
  if (lexemes?.length !== 1 || lexemes[0]!.kind !== 'token') return undefined;
  const m = lexemes[0]!.text.toLowerCase();
  return ENCODINGS.has(m) || /^x-./.test(m) ? m : undefined;
}

/** What a composite type may be encoded with, or undefined if anything legal will do. */
function allowedFor(type: string): ReadonlySet<string> | undefined {
  // RFC 2046 sections 5.2.2 and 5.2.3: always 7bit.
  if (type === 'message/partial' || type === 'message/external-body') return new Set(['7bit']);
  // RFC 6532 sections 3.5 and 3.7 (and RFC 6533 for its siblings): message/global* may be encoded like a leaf.
  if (type.startsWith('message/global')) return undefined;
  // RFC 2045 section 6.4: no encoding but an identity one for a composite type.
  if (type.startsWith('multipart/') || type.startsWith('message/')) return IDENTITY;
  return undefined;
}

/** The encoding to decode with (lower-cased, as written), 7bit when absent. */
export function judgeTransferEncoding(values: readonly string[], type: string, note: (d: MimeDefect) => void): string {
  const allowed = allowedFor(type);
  for (const v of values) {
    const m = mechanism(v);
    if (m === undefined || (allowed !== undefined && !allowed.has(m))) note('bad-transfer-encoding');
  }
  const first = values[0];
  return first === undefined ? '7bit' : (mechanism(first) ?? withoutComments(first).toLowerCase());
}
