// Writing a file so that a reader, or a crash, never sees half of it: the whole text goes to
// a temporary beside it, then a rename puts it in place of the old one in one step (POSIX
// rename). Killed at any point, the path holds the old file or the new one, whole, and at
// most a temporary is left, which the next write removes. Used for reports and for the
// campaign's counterexamples, which replace their previous versions.
//
// write-file-atomic (npm's) does the same for one file, but names its temporaries so that
// nothing can tell a dead writer's from a live one's, and saving also needs link-without-
// overwrite, so both use src/scenario/temporaries.ts.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { removeQuietly, removeStaleTemporaries, writeTemporary } from './temporaries.ts';

export function writeAtomically(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir);
  const temp = writeTemporary(dir, basename(path), text);
  try {
    renameSync(temp, path);
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
  syncDirectory(dir);
}

/** Puts a directory's new entries on disk too, where the system allows it (not on Windows). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: durability of the name, not its atomicity, depends on it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
