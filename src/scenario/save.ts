// Saving a scenario file: atomically (the full text goes to a temporary file first, which is
// then linked into place, so a crash never leaves half a file) and never twice. Names are
// tried in order, `<name>.json`, `<name>-2.json`, ...; linking fails rather than overwrite,
// and a name already taken is read: if it holds the same scenario (same.ts), that file is
// the save. Two processes saving the same scenario at once walk the same names, meet at the
// first free one, and only one link succeeds there: the other finds its scenario and stops.
// Files are only ever added under these names, never removed or replaced while saving, so
// what a process read as another scenario stays another scenario.
//
// A link-then-check needs no lock (a lock file outlives a killed holder and must be broken
// by guesswork) and keeps readable names (a content hash in the name would not). A killed
// save leaves at most its temporary, which the next save removes (temporaries.ts).

import { linkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory } from './atomicWrite.ts';
import type { ScenarioFile } from './format.ts';
import { sameAs } from './same.ts';
import { removeQuietly, removeStaleTemporaries, writeTemporary } from './temporaries.ts';

/** A file name from free text: letters, digits, dots and dashes. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'scenario';
}

/** The text of a saved scenario file. */
export function scenarioText(file: ScenarioFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the file under `dir` as `<name>.json` (or `<name>-2.json`, ... if taken by another
 * scenario); returns its path, or the path of the file that already holds this scenario.
 */
export function saveScenario(dir: string, file: ScenarioFile, name: string): string {
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir);
  const base = slug(name);
  const temp = writeTemporary(dir, `${base}.json`, scenarioText(file));
  try {
    for (let n = 1; ; n++) {
      const path = join(dir, `${base}${n === 1 ? '' : `-${n}`}.json`);
      try {
        linkSync(temp, path);
        syncDirectory(dir);
        return path;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      // Taken, by a whole file (it appeared by a link or a rename): this scenario, or another.
      if (sameAs(path, file)) return path;
    }
  } finally {
    removeQuietly(temp);
  }
}
