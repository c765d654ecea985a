// A scenario file's bytes, read only if it is a regular file of sensible size. A path can
// name anything: a named pipe (reading it waits for a writer for ever), a device (/dev/zero
// never ends), a socket, a symbolic link that loops or leads nowhere, a file of gigabytes.
// Each is refused with what it is, without being opened; the file that is opened is checked
// again, so that one swapped in meanwhile is refused too. Nothing is ever written.

import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';

/** 64 MiB: a history of about a million random steps (a hundred thousand take 5 MiB), far beyond any story. */
export const MAX_BYTES = 64 * 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** What a file is read as: its name in messages ("a scenario file") and its largest size. */
export interface FileKind {
  readonly noun: string;
  readonly maxBytes: number;
  /** The largest size in words ("64 MiB"). */
  readonly limit: string;
}

export const SCENARIO_FILE: FileKind = { noun: 'a scenario file', maxBytes: MAX_BYTES, limit: '64 MiB' };

export function readScenarioBytes(path: string): ReadResult {
  return readFileBytes(path, SCENARIO_FILE);
}

/** The bytes of a regular file of at most `kind.maxBytes`, or what the path names instead, in words. */
export function readFileBytes(path: string, kind: FileKind): ReadResult {
  const MAX_BYTES = kind.maxBytes;
  const LIMIT = kind.limit;
  const TOO_BIG = `; ${kind.noun} may be at most ${LIMIT}`;
  const notAFile = (s: Stats) => notA(s, kind.noun);
  const refuse = (message: string): ReadResult => ({ ok: false, message });
  let stats: Stats;
  try {
    stats = lstatSync(path);
    if (stats.isSymbolicLink()) stats = statSync(path);
  } catch (e) {
    return refuse(pathProblem(path, e, kind.noun));
  }
  const what = notAFile(stats);
  if (what) return refuse(what);
  if (stats.size > MAX_BYTES) return refuse(`the file is ${size(stats.size)}${TOO_BIG}`);

  let fd: number;
  try {
    // Non-blocking, so that a pipe swapped in after the check cannot make the open wait; never a controlling terminal.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    return refuse(pathProblem(path, e, kind.noun));
  }
  try {
    const opened = fstatSync(fd);
    const changed = notAFile(opened);
    if (changed) return refuse(`${changed} (it changed while it was being opened)`);
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the limit tells a file that grew after the check.
    for (;;) {
      const chunk = Buffer.alloc(Math.min(65536, MAX_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_BYTES) return refuse(`the file is more than ${LIMIT} (it grew while it was being read)${TOO_BIG}`);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return refuse(`cannot be read: ${errorText(e)}`);
  } finally {
    closeSync(fd);
  }
}

function size(n: number): string {
  const GiB = 1024 ** 3;
  return n >= GiB ? `${(n / GiB).toFixed(1)} GiB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

/** What the path names, when it is not a regular file. */
function notA(s: Stats, noun: string): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return `is a directory, not ${noun}`;
  if (s.isFIFO()) return `is a named pipe (FIFO), not ${noun}; it is not read, as reading could wait for ever`;
  if (s.isCharacterDevice() || s.isBlockDevice()) return `is a device, not ${noun}; it is not read`;
  if (s.isSocket()) return `is a socket, not ${noun}`;
  return 'is not a regular file';
}

function pathProblem(path: string, e: unknown, noun: string): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT': return danglingLink(path) ?? 'no such file';
    case 'ENOTDIR': return 'no such file (a part of the path is a file, not a directory)';
    case 'ELOOP': return 'is a symbolic link that loops (following it leads back to a link already followed)';
    case 'EACCES':
    case 'EPERM': return 'cannot be read: permission denied';
    case 'ENAMETOOLONG': return 'cannot be read: the path is too long';
    case 'ENXIO': return `is a socket or a device with nothing behind it, not ${noun}`;
    default: return `cannot be read: ${errorText(e)}`;
  }
}

function danglingLink(path: string): string | undefined {
  try {
    if (lstatSync(path).isSymbolicLink()) return `is a symbolic link to ${JSON.stringify(readlinkSync(path))}, which does not exist`;
  } catch {
    // Not there at all.
  }
  return undefined;
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code} (${err.message.replace(/^\w+: /, '')})` : String(err.message ?? e);
}
