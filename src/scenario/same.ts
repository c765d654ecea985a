// When two saved failures are the same scenario: same release, readings, judgement, steps,
// property, claim and variant; not when or from which seed they were found.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioFile } from './format.ts';

function essence(f: ScenarioFile): string {
  const o = f.origin.kind === 'failure' ? f.origin : undefined;
  return JSON.stringify([f.release, f.interpretations, f.judge, f.steps, o?.property, o?.claim, o?.variant]);
}

/** Whether the file at `path` holds the same scenario (false if it cannot be read as one). */
export function sameAs(path: string, file: ScenarioFile): boolean {
  try {
    return essence(JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile) === essence(file);
  } catch {
    return false;
  }
}

/** A scenario file under `dir` that already holds this scenario, if any. */
export function alreadySaved(dir: string, file: ScenarioFile): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => join(dir, n)).find((p) => sameAs(p, file));
}
