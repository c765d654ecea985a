// In-flight files: a save or an atomic write puts the whole text in a temporary beside its
// target, `.<name>.<host>.<pid>.<uuid>.tmp`, and only then links or renames it into place.
// A process killed on the way leaves its temporary behind; the next save or write in the
// same directory removes it, once its writer is known to be gone. The names start with a dot
// (nothing lists them as scenarios) and end in .tmp (git ignores them: .gitignore).

import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** A temporary older than this is stale even if a process of its pid runs (the pid was reused). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

const HOST = hostname().replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 40) || 'host';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TEMPORARY = new RegExp(`^\\..+\\.([A-Za-z0-9-]+)\\.(\\d+)\\.${UUID}\\.tmp$`);

/** Whether a file name is one of these temporaries. */
export function isTemporary(name: string): boolean {
  return TEMPORARY.test(name);
}

/** Writes the whole text to a new temporary for `name` under `dir`, on disk (fsync) before it returns. */
export function writeTemporary(dir: string, name: string, text: string): string {
  const path = join(dir, `.${name}.${HOST}.${process.pid}.${randomUUID()}.tmp`);
  const data = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'wx', 0o644);
  try {
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    removeQuietly(path);
    throw e;
  }
  closeSync(fd);
  return path;
}

/** Removes the temporaries under `dir` whose writers are gone: a process of this host that no longer runs, or older than STALE_AFTER_MS. */
export function removeStaleTemporaries(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const ownHost = m[1] === HOST;
    let old: boolean;
    try {
      old = now - statSync(path).mtimeMs > STALE_AFTER_MS;
    } catch {
      continue; // already gone: its save finished
    }
    if (old || (ownHost && !running(Number(m[2])))) {
      if (removeQuietly(path)) removed.push(path);
    }
  }
  return removed;
}

/** Whether a process of this pid runs on this host (a process of another user counts). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Unlinks, and says whether this call removed it (another process may have been first). */
export function removeQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
