// When two saved failures are the same scenario: same release, readings, judgement, steps,
// property, claim and variant; not when or from which seed they were found, nor the title or
// the order of the fields in the file.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioFile } from './format.ts';
import { readScenarioBytes } from './read.ts';

/** JSON with every object's keys in order, so that a file rewritten by an editor stays the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function essence(f: ScenarioFile): string {
  const o = f.origin?.kind === 'failure' ? f.origin : undefined;
  return canonical([f.release, f.interpretations, f.judge, f.steps, o?.property, o?.claim, o?.variant]);
}

/** Whether the file at `path` holds the same scenario (false if it is not a readable scenario file: anything may lie there). */
export function sameAs(path: string, file: ScenarioFile): boolean {
  const read = readScenarioBytes(path);
  if (!read.ok) return false;
  try {
    return essence(JSON.parse(Buffer.from(read.bytes).toString('utf8')) as ScenarioFile) === essence(file);
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
