// The scenario format as a JSON Schema, generated from the zod schema so that the two cannot
// drift apart; editors use it to complete and check scenario files as they are written.

import { z } from 'zod';
import { FORMAT, scenarioFile } from './format.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioFile, { target: 'draft-2020-12', io: 'input' }),
    $id: `https://ims-harness.example/${FORMAT}`,
    title: 'IMS harness scenario',
    description: 'A history as readable, editable JSON: the release, the readings, how it is judged, where it came from, and the steps as operations (see src/scenario/format.ts).',
  };
}

/** The text of scenarios/scenario.schema.json. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
