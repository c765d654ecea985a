// A scenario file's bytes as text. JSON files are UTF-8 (RFC 8259 8.1); anything else is
// refused with what it looks like, so that the person can convert it rather than puzzle over
// "not JSON". A UTF-8 byte-order mark is allowed and dropped.
//
// UTF-16 and UTF-32 are told by their byte-order marks, or without one by where the zero bytes
// fall: JSON text starts with an ASCII character (RFC 4627 3). Those rules are exact and short,
// and chardet misses UTF-16 without a mark, so they are written here. For other bytes that are
// not UTF-8, chardet (a port of ICU's detector) names the likely legacy encoding; it is sure of
// multi-byte ones (Shift_JIS, GB18030, EUC-KR) and only guesses between single-byte code pages.

import { analyse } from 'chardet';
import { position, type Problem } from './problems.ts';

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

const CONVERT = 'save it as UTF-8';

export function decodeScenario(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide) return refuse(`the file ${wide.bom ? 'is' : 'looks like'} ${wide.name} (${wide.order}, ${wide.bom ? 'with' : 'no'} byte-order mark), not UTF-8: ${CONVERT}`);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const binary = binaryAt(body);
  if (binary !== undefined) {
    const byte = body[binary]!;
    return refuse(`the file is binary data, not text (byte 0x${hex(byte)}${byte === 0 ? ', NUL' : ', a control character'}); a scenario is JSON text in UTF-8`, at(body, binary));
  }
  const bad = firstInvalidUtf8(body);
  if (bad !== undefined) return refuse(`byte 0x${hex(body[bad]!)} is not UTF-8; the file looks like ${legacyGuess(body)}: ${CONVERT}`, at(body, bad));
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) };
}

function refuse(message: string, where?: { line: number; column: number }): Decoded {
  return { ok: false, problem: { ...where, message } };
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** Line and column of a byte offset, counted in the (valid UTF-8) text before it. */
function at(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return position(before, before.length);
}

interface Wide {
  readonly name: 'UTF-16' | 'UTF-32';
  readonly order: 'little-endian' | 'big-endian';
  readonly bom: boolean;
}

function wideEncoding(b: Uint8Array): Wide | undefined {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { name: 'UTF-32', order: 'big-endian', bom: true };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { name: 'UTF-32', order: 'little-endian', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { name: 'UTF-16', order: 'big-endian', bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { name: 'UTF-16', order: 'little-endian', bom: true };
  if (b.length < 4) return undefined;
  const zero = [b0 === 0, b1 === 0, b2 === 0, b3 === 0].map((z) => (z ? '0' : 'x')).join('');
  if (zero === '000x') return { name: 'UTF-32', order: 'big-endian', bom: false };
  if (zero === 'x000') return { name: 'UTF-32', order: 'little-endian', bom: false };
  if (zero === '0x0x') return { name: 'UTF-16', order: 'big-endian', bom: false };
  if (zero === 'x0x0') return { name: 'UTF-16', order: 'little-endian', bom: false };
  return undefined;
}

/** Where the bytes stop being text: a NUL, or control characters in more than a tenth of them. */
function binaryAt(b: Uint8Array): number | undefined {
  const sample = b.subarray(0, 65536);
  const nul = sample.indexOf(0);
  if (nul >= 0) return nul;
  let first: number | undefined;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i]!;
    // Tab, line feed, form feed, carriage return and escape occur in text files.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) {
      controls++;
      first ??= i;
    }
  }
  return controls * 10 > sample.length ? first : undefined;
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (Unicode 3-7). */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence and the range of its second byte, which rules out overlong forms, surrogates and code points past U+10FFFF.
    const [length, low, high] = c >= 0xc2 && c <= 0xdf ? [2, 0x80, 0xbf] : c === 0xe0 ? [3, 0xa0, 0xbf] : c === 0xed ? [3, 0x80, 0x9f] : c >= 0xe1 && c <= 0xef ? [3, 0x80, 0xbf] : c === 0xf0 ? [4, 0x90, 0xbf] : c === 0xf4 ? [4, 0x80, 0x8f] : c >= 0xf1 && c <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return undefined;
}

function legacyGuess(b: Uint8Array): string {
  const top = analyse(b).find((m) => m.name !== 'UTF-8');
  // Confident guesses are the multi-byte encodings; between single-byte code pages chardet only guesses.
  if (top && top.confidence >= 50 && !/^(ISO-8859|windows-125)/.test(top.name)) return top.name;
  return 'a single-byte code page such as Windows-1252 or ISO-8859-1 (Latin-1)';
}
