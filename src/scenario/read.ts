// A scenario file's bytes, read only if it is a regular file of sensible size. A path can
// name anything: a named pipe (reading it waits for a writer for ever), a device (/dev/zero
// never ends), a socket, a symbolic link that loops or leads nowhere, a file of gigabytes.
// Each is refused with what it is, without being opened; the file that is opened is checked
// again, so that one swapped in meanwhile is refused too. Nothing is ever written.

import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';

/** 1 MiB: two hundred times the largest story, and a replay of at most a few tens of thousands of steps. */
export const MAX_BYTES = 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

const LIMIT = '1 MiB';
const TOO_BIG = `; a scenario file may be at most ${LIMIT}`;

export function readScenarioBytes(path: string): ReadResult {
  const refuse = (message: string): ReadResult => ({ ok: false, message });
  let stats: Stats;
  try {
    stats = lstatSync(path);
    if (stats.isSymbolicLink()) stats = statSync(path);
  } catch (e) {
    return refuse(pathProblem(path, e));
  }
  const kind = notAFile(stats);
  if (kind) return refuse(kind);
  if (stats.size > MAX_BYTES) return refuse(`the file is ${size(stats.size)}${TOO_BIG}`);

  let fd: number;
  try {
    // Non-blocking, so that a pipe swapped in after the check cannot make the open wait; never a controlling terminal.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    return refuse(pathProblem(path, e));
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
  return n >= GiB ? `${(n / GiB).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** What the path names, when it is not a regular file. */
function notAFile(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a directory, not a scenario file';
  if (s.isFIFO()) return 'is a named pipe (FIFO), not a scenario file; it is not read, as reading could wait for ever';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'is a device, not a scenario file; it is not read';
  if (s.isSocket()) return 'is a socket, not a scenario file';
  return 'is not a regular file';
}

function pathProblem(path: string, e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT': return danglingLink(path) ?? 'no such file';
    case 'ENOTDIR': return 'no such file (a part of the path is a file, not a directory)';
    case 'ELOOP': return 'is a symbolic link that loops (following it leads back to a link already followed)';
    case 'EACCES':
    case 'EPERM': return 'cannot be read: permission denied';
    case 'ENAMETOOLONG': return 'cannot be read: the path is too long';
    case 'ENXIO': return 'is a socket or a device with nothing behind it, not a scenario file';
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
