// A message given as bytes in a scenario file (an smtp.deliver's `message`): base64 inline, or
// a file whose path is relative to the scenario file. A message file is read as carefully as a
// scenario file (read.ts: only a regular file, of limited size, never written), and its bytes
// are taken as they are, whatever they hold: judging them is the point. What the harness needs
// of a message is checked here, with the place and the problem: bytes at all, a size that a
// saved scenario can hold in base64, and a Message-ID of its own (the model files a message by
// its Message-ID in the spool and the store, and the checkers follow it by that name).

import { dirname, isAbsolute, resolve } from 'node:path';
import { messageIdOf } from '../mail/mime.ts';
import { readFileBytes, type FileKind } from './read.ts';

/**
 * 512 KiB for each message, and for all of a scenario's messages together: mail of the time,
 * not disk images; in base64 (4 bytes for every 3) a scenario saved with them inline (a failure
 * found on such a step, saved by fromFailure.ts) carries at most 683 KiB of them.
 */
export const MAX_MESSAGE_BYTES = 512 * 1024;

export const MESSAGE_FILE: FileKind = { noun: 'a message file', maxBytes: MAX_MESSAGE_BYTES, limit: '512 KiB' };

const WHITE = /[ \t\r\n]/;
const ALPHABET = /[A-Za-z0-9+/]/;

/** What is wrong with base64 text (RFC 4648 section 4; white space is ignored), if anything. */
export function base64Problem(text: string): string | undefined {
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (WHITE.test(c)) continue;
    const at = `at character ${i + 1}`;
    if (c === '=') {
      padding++;
      continue;
    }
    if (padding > 0) return `not base64: ${JSON.stringify(c)} ${at} comes after the = padding, which only ends it`;
    if (c === '-' || c === '_') return `not base64: ${JSON.stringify(c)} ${at} belongs to base64url (RFC 4648 section 5); base64 writes + and / instead`;
    if (!ALPHABET.test(c)) return `not base64: ${JSON.stringify(c)} ${at} is not in its alphabet (A-Z, a-z, 0-9, + and /, = at the end)`;
    count++;
  }
  if (count + padding === 0) return 'the message is empty: there are no base64 characters';
  if (padding > 2) return `not base64: it ends in ${padding} = signs; padding is one or two`;
  if ((count + padding) % 4 !== 0) {
    return `not base64: ${count + padding} characters (white space aside), not a multiple of 4: the text is cut short, or its = padding is missing`;
  }
  const clean = text.replace(/[ \t\r\n]/g, '');
  if (Buffer.from(clean, 'base64').toString('base64') !== clean) return 'not base64: its last character before the padding has bits set that an encoder leaves zero';
  return undefined;
}

/** A message file named in a scenario: its bytes, or the problem (to follow `steps[i].message.file: `). */
export function readMessageFile(scenarioPath: string, file: string): { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly message: string } {
  if (isAbsolute(file)) return { ok: false, message: `${file} is an absolute path; give the path relative to the scenario file, so that the two can move together` };
  const read = readFileBytes(resolve(dirname(scenarioPath), file), MESSAGE_FILE);
  if (read.ok) return { ok: true, bytes: Buffer.from(read.bytes) };
  const missing = /^no such file(?: \((.*)\))?$/.exec(read.message);
  if (missing) return { ok: false, message: `no such file ${file} (relative to the scenario${missing[1] ? `; ${missing[1]}` : ''})` };
  return { ok: false, message: `${file} (relative to the scenario)${read.message.startsWith('is ') ? ' ' : ': '}${read.message}` };
}

/** What makes the bytes unusable as a message the harness can follow, if anything. */
export function messageProblem(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return 'the message is empty';
  if (bytes.byteLength > MAX_MESSAGE_BYTES) return `the message is ${kib(bytes.byteLength)}; a message may be at most ${MESSAGE_FILE.limit}`;
  const id = messageIdOf(bytes);
  if (id === undefined) {
    return 'the message has no Message-ID; the model names a message by it in the spool and the store, and the checkers follow it by that name: give it one (a header line such as "Message-ID: <1@remote.example>")';
  }
  if (id.trim() === '') return 'the message\'s Message-ID is empty; the checkers follow a message by it: give it one (such as "<1@remote.example>")';
  return undefined;
}

export function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`;
}
