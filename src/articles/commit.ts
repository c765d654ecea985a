// Writing several files as one change. Each new text goes to a temporary file beside its
// target first; only when all are written are they put in place (a new file linked, so an
// existing one is never overwritten; a changed one renamed over the old). If putting one in
// place fails, those already placed are undone, so the tree is as it was before.

import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileWrite {
  readonly path: string;
  readonly text: string;
  /** A new file: fails rather than replace one that exists. */
  readonly create?: boolean;
}

export function commitAll(writes: readonly FileWrite[]): void {
  const staged: { write: FileWrite; temp: string; before?: string }[] = [];
  try {
    for (const write of writes) staged.push({ write, temp: writeTemp(write.path, write.text), ...(write.create ? {} : { before: readFileSync(write.path, 'utf8') }) });
    const done: typeof staged = [];
    try {
      for (const s of staged) {
        if (s.write.create) linkSync(s.temp, s.write.path);
        else renameSync(s.temp, s.write.path);
        done.push(s);
      }
    } catch (e) {
      for (const s of done.reverse()) {
        if (s.write.create) unlinkSync(s.write.path);
        else renameSync(writeTemp(s.write.path, s.before!), s.write.path);
      }
      throw e;
    }
  } finally {
    for (const s of staged) {
      try {
        unlinkSync(s.temp);
      } catch {
        // Renamed into place already.
      }
    }
  }
}

function writeTemp(path: string, text: string): string {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}
