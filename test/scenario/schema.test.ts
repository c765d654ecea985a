// scenarios/scenario.schema.json is generated from the zod schema (npm run schema); the
// committed file must be what the generator gives now, and scenario files point at it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioFiles } from '../../src/scenario/list.ts';
import { scenarioJsonSchemaText } from '../../src/scenario/schema.ts';
import { REPO } from './helpers.ts';

describe('the scenario JSON Schema', () => {
  it('is up to date with the format (run npm run schema after changing it)', () => {
    expect(readFileSync(join(REPO, 'scenarios', SCHEMA_FILE), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes every operation and expectation', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    const ops = schema.properties.steps.items.oneOf ?? schema.properties.steps.items.anyOf;
    expect(ops.map((o: { properties: { op: { const: string } } }) => o.properties.op.const)).toContain('nt.terminateHungThread');
    expect(Object.keys(schema.$defs.StepExpectation.properties)).toEqual(['ok', 'reply', 'accepted', 'logon', 'events', 'dialog', 'services', 'spool', 'adminMailbox', 'waiting', 'mailboxes']);
  });

  it('is what every scenario file names as its $schema', () => {
    for (const path of scenarioFiles(join(REPO, 'scenarios'))) expect(JSON.parse(readFileSync(path, 'utf8')).$schema, path).toBe(`./${SCHEMA_FILE}`);
  });
});
