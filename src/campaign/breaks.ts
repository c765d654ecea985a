// Saving the campaign's counterexamples. One file per claim, release and reading (and model
// variant), so re-running a campaign replaces or keeps its files rather than piling up copies:
// an existing file that already holds the same reduced scenario is left as it is.

import { existsSync, unlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioFile } from '../scenario/format.ts';
import { sameAs } from '../scenario/same.ts';
import { saveScenario, slug } from '../scenario/save.ts';
import { readingKey, type Task } from './plan.ts';

export function breakName(task: Task, claim: string): string {
  return slug([claim, task.release, readingKey(task.reading), ...(task.variant ? [task.variant] : [])].join(' '));
}

/** The scenario schema, generated into the repository's scenarios/ (src/cli/schema.ts). */
const SCHEMA = fileURLToPath(new URL('../../scenarios/scenario.schema.json', import.meta.url));

export class BreakSaver {
  private readonly used = new Set<string>();
  constructor(readonly dir: string) {}

  save(task: Task, found: ScenarioFile): string {
    // Point $schema at the schema from wherever the file is saved (reports/scenarios by default).
    const file = { ...found, $schema: relative(resolve(this.dir), SCHEMA).split('\\').join('/') };
    const claim = file.origin.kind === 'failure' ? file.origin.claim : 'scenario';
    const name = breakName(task, claim);
    const path = join(this.dir, `${name}.json`);
    // A second break with the same name in one campaign gets its own file (saveScenario numbers it).
    if (!this.used.has(name)) {
      this.used.add(name);
      if (existsSync(path)) {
        if (sameAs(path, file)) return path;
        unlinkSync(path);
      }
    }
    return saveScenario(this.dir, file, name);
  }
}
