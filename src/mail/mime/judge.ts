// RFC 2045 MIME-Version and Content-Transfer-Encoding, judged strictly.

import { noteOnce } from '../found.ts';
import type { MimeDefect } from './defects.ts';

const ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64']);

/** RFC 2045 allows comments around these values: "1.0 (produced by MetaSend Vx.x)". */
function withoutComments(value: string): string {
  let out = value;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\([^()]*\)/g, '');
  }
  return out.replace(/[ \t]/g, '');
}

export function judgeMimeVersion(values: readonly string[], topLevel: boolean, hasContentType: boolean, defects: MimeDefect[]): void {
  for (const v of values) if (withoutComments(v) !== '1.0') noteOnce(defects, 'bad-mime-version');
  // Only the message itself must declare MIME; its body parts inherit it.
  if (topLevel && hasContentType && values.length === 0) noteOnce(defects, 'missing-mime-version');
}

/** The encoding to decode with (lower-cased), 7bit when absent. */
export function judgeTransferEncoding(values: readonly string[], defects: MimeDefect[]): string {
  const encodings = values.map((v) => withoutComments(v).toLowerCase());
  for (const e of encodings) if (!ENCODINGS.has(e)) noteOnce(defects, 'bad-transfer-encoding');
  return encodings[0] ?? '7bit';
}
