// Saving a scenario file: atomically (the full text goes to a temporary file first, which is
// then linked into place, so a crash never leaves half a file) and exclusively (linking fails
// rather than overwrite, so two processes saving at once both keep their file).

import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioFile } from './format.ts';

/** A file name from free text: letters, digits, dots and dashes. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'scenario';
}

/** Writes the file under `dir` as `<name>.json` (or `<name>-2.json`, ... if taken); returns its path. */
export function saveScenario(dir: string, file: ScenarioFile, name: string): string {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${slug(name)}.${process.pid}.${randomUUID()}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let n = 1; ; n++) {
      const path = join(dir, `${slug(name)}${n === 1 ? '' : `-${n}`}.json`);
      try {
        linkSync(temp, path);
        return path;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } finally {
    unlinkSync(temp);
  }
}
