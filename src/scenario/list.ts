// The scenario files of a directory: `*.json`, in name order. Files whose names start with a
// dot are in-flight temporaries of a save (possibly half written by a crash) and the schema
// is not a scenario: neither is listed.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SCHEMA_FILE = 'scenario.schema.json';

export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.') && e.name !== SCHEMA_FILE)
    .map((e) => join(dir, e.name))
    .sort();
}
