// Saving the campaign's counterexamples. One file per claim, release and reading (and model
// variant), so re-running a campaign replaces or keeps its files rather than piling up copies:
// an existing file that already holds the same reduced scenario is left as it is, and one
// that holds another is replaced in one step (the new text is written beside it, then renamed
// over it), so that a campaign killed at any point leaves the old file or the new one, whole.

import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from '../scenario/atomicWrite.ts';
import type { ScenarioFile } from '../scenario/format.ts';
import { sameAs } from '../scenario/same.ts';
import { scenarioText, slug } from '../scenario/save.ts';
import { readingKey, type Task } from './plan.ts';

export function breakName(task: Task, claim: string): string {
  return slug([claim, task.release, readingKey(task.reading), ...(task.variant ? [task.variant] : [])].join(' '));
}

/** The scenario schema, generated into the repository's scenarios/ (src/cli/schema.ts). */
const SCHEMA = fileURLToPath(new URL('../../scenarios/scenario.schema.json', import.meta.url));

export class BreakSaver {
  /** The files saved under each name in this campaign, in order. */
  private readonly saved = new Map<string, string[]>();
  constructor(readonly dir: string) {}

  save(task: Task, found: ScenarioFile): string {
    // Point $schema at the schema from wherever the file is saved (reports/scenarios by default).
    const file = { ...found, $schema: relative(resolve(this.dir), SCHEMA).split('\\').join('/') };
    const claim = file.origin.kind === 'failure' ? file.origin.claim : 'scenario';
    const name = breakName(task, claim);
    const paths = this.saved.get(name) ?? [];
    this.saved.set(name, paths);
    // The same break twice in one campaign is one file.
    const earlier = paths.find((p) => sameAs(p, file));
    if (earlier) return earlier;
    // The n-th break of a name in this campaign is <name>-n.json, so a re-run replaces each in place.
    const path = join(this.dir, `${name}${paths.length ? `-${paths.length + 1}` : ''}.json`);
    paths.push(path);
    if (!sameAs(path, file)) writeAtomically(path, scenarioText(file));
    return path;
  }
}
