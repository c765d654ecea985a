// npm run schema: writes scenarios/scenario.schema.json from the zod schema of the format
// (through a temporary file renamed into place, so a reader never sees half of it). With
// --help it only prints what it does; a bad option exits 2 and writes nothing.

import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SCHEMA_FILE } from '../scenario/list.ts';
import { scenarioJsonSchemaText } from '../scenario/schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL(`../../scenarios/${SCHEMA_FILE}`, import.meta.url));

export const USAGE = `Usage: npm run schema [-- --help]

Writes scenarios/${SCHEMA_FILE}, the JSON schema of scenario files, from the zod schema in
src/scenario/format.ts (a test fails while the file is stale). Takes no other option.`;

export function main(argv: readonly string[]): number {
  try {
    const { values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
  } catch (e) {
    process.stderr.write(`schema: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\n(npm run schema -- --help for the options)\n`);
    return 2;
  }
  const temp = `${SCHEMA_PATH}.${process.pid}.tmp`;
  writeFileSync(temp, scenarioJsonSchemaText());
  renameSync(temp, SCHEMA_PATH);
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
