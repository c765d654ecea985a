// npm run schema: writes scenarios/scenario.schema.json from the zod schema of the format
// (through a temporary file renamed into place, so a reader never sees half of it).

import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE } from '../scenario/list.ts';
import { scenarioJsonSchemaText } from '../scenario/schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL(`../../scenarios/${SCHEMA_FILE}`, import.meta.url));

const temp = `${SCHEMA_PATH}.${process.pid}.tmp`;
writeFileSync(temp, scenarioJsonSchemaText());
renameSync(temp, SCHEMA_PATH);
console.log(`wrote ${SCHEMA_PATH}`);
