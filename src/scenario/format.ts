// A scenario file: a history as readable, editable JSON. The steps are operations with their
// arguments; a story's steps may also say what must be observed once they have run. The zod
// schema below is checked at load time and is the format's documentation
// (scenarios/scenario.schema.json is generated from it).

import { z } from 'zod';
import { OPERATIONS } from '../faults/catalogue.ts';
import type { ArgSpec, Op, OpName } from '../faults/operations.ts';
import { INTERPRETATIONS, INTERPRETATION_IDS, alternativesOf } from '../model/interpretations.ts';
import { RELEASES, VERSIONS, releaseName } from '../model/release.ts';
import { SPOOL_DIRS } from '../model/paths.ts';
import { base64Problem } from './messageFile.ts';

export const FORMAT = 'ims-harness/scenario@1';

const SERVICE_STATES = ['Stopped', 'StartPending', 'Running', 'StopPending'] as const;

/** Where mail waits on its way through the server (Q168139: MTS-IN and MTS-OUT stall), and the store's archive folder (Q325939-M1). */
export const WAITING_PLACES = ['in', 'MTS-IN', 'MTS-OUT', 'archive'] as const;

const count = z.number().int().min(0);

function argSchema(spec: ArgSpec): z.ZodType {
  const schema = ((): z.ZodType => {
    switch (spec.type) {
      case 'enum': return z.enum(spec.values as [string, ...string[]]);
      case 'integer': return z.number().int().min(spec.min).max(spec.max);
      case 'string': return z.string().min(1);
      case 'boolean': return z.boolean();
      case 'message': return givenMessage(spec.replaces);
    }
  })();
  // An argument with a default may be left out.
  return spec.default === undefined ? schema : schema.optional().describe(`default: ${JSON.stringify(spec.default)}`);
}

/** What must be observed once a step has run. Every field is optional; each one given is checked. */
export const stepExpectation = z.strictObject({
  ok: z.boolean().optional().describe("Whether the operation's actor succeeded."),
  reply: z.string().optional().describe("The SMTP reply that decided the delivery (the last one before QUIT), exactly, or 'connection refused' / 'connection dropped at end of data'."),
  accepted: z.boolean().optional().describe('Whether the server took the message (2xx at the end of DATA) or queued the submission.'),
  logon: z.enum(['completed', 'does not complete', 'failed']).optional(),
  events: z.array(z.number().int()).optional().describe('IDs of the events logged during the step, in order, exactly.'),
  dialog: z.string().optional().describe('A dialog Control Panel showed during the step, exactly.'),
  services: z.record(z.string(), z.enum(SERVICE_STATES)).optional().describe('Service states after the step.'),
  spool: z.partialRecord(z.enum(SPOOL_DIRS), z.boolean()).optional().describe('Spool directories that exist (true) or not (false) after the step.'),
  adminMailbox: z.enum(['not-set', 'missing', 'not-a-mailbox', 'mailbox']).optional().describe('What the administrator-mailbox pointer names after the step.'),
  waiting: z.partialRecord(z.enum(WAITING_PLACES), count).optional().describe("How many messages wait in the in directory, MTS-IN and MTS-OUT, or lie in the store's archive folder, after the step."),
  mailboxes: z.record(z.string().min(1), count).optional().describe("How many messages each named recipient's mailbox holds after the step."),
}).meta({ id: 'StepExpectation', description: 'What must be observed once the step has run; each field given is checked.' });

export type StepExpectation = z.infer<typeof stepExpectation>;

const stepExtras = { note: z.string().optional(), expect: stepExpectation.optional() };

/**
 * A message given as bytes: base64 inline, or a file whose path is relative to the scenario file
 * (loading reads it, and refuses what it cannot read or use: load.ts). Exactly one of the two.
 */
const givenMessage = (replaces: readonly string[]) => z
  .strictObject({
    base64: z.string().superRefine((text, ctx) => {
      const problem = base64Problem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }).optional().describe("The message's bytes in base64 (RFC 4648 section 4: A-Z, a-z, 0-9, +, /, = padding; white space ignored)."),
    file: z.string().min(1).optional().describe('A file holding the message, as it is: its path relative to the directory of the scenario file (as "mails/odd.eml").'),
  })
  .superRefine((m, ctx) => {
    const given = (['base64', 'file'] as const).filter((k) => m[k] !== undefined);
    if (given.length === 2) ctx.addIssue({ code: 'custom', message: 'give base64 or file, not both' });
    if (given.length === 0) ctx.addIssue({ code: 'custom', message: 'give the message as { "base64": "..." } or { "file": "mails/odd.eml" }' });
  })
  .meta({ oneOf: [{ required: ['base64'] }, { required: ['file'] }] })
  .optional()
  .describe(`A message of its own, as bytes, sent as it is in place of a generated one: then ${replaces.join(', ')} are left out.`);

/** The arguments a given message takes the place of, for an operation that takes one. */
function replacedBy(name: OpName): { message: string; replaces: readonly string[] } | undefined {
  const entry = Object.entries(OPERATIONS[name].args).find(([, spec]) => spec.type === 'message');
  return entry && entry[1].type === 'message' ? { message: entry[0], replaces: entry[1].replaces } : undefined;
}

/**
 * One schema per operation, from the operations table: the one description of their arguments.
 * Where an operation may be given a message of its own, the arguments it replaces are needed
 * without it (those without a default) and must be absent with it.
 */
const stepSchemas = (Object.keys(OPERATIONS) as OpName[]).map((name) => {
  const args = OPERATIONS[name].args;
  const given = replacedBy(name);
  const step = z.strictObject({
    op: z.literal(name),
    ...Object.fromEntries(Object.entries(args).map(([arg, spec]) => [arg, given?.replaces.includes(arg) ? argSchema(spec).optional() : argSchema(spec)])),
    ...stepExtras,
  });
  if (!given) return step;
  const needed = given.replaces.filter((arg) => args[arg]!.default === undefined);
  return step
    .superRefine((value, ctx) => {
      const v = value as Record<string, unknown>;
      if (v[given.message] !== undefined) {
        for (const arg of given.replaces) {
          if (v[arg] !== undefined) ctx.addIssue({ code: 'custom', path: [arg], message: `${arg} describes a generated message, and this step gives its own (${given.message}): leave ${arg} out, or leave out ${given.message}` });
        }
      } else {
        // Reported as a missing argument is (issues.ts), with what it needs.
        for (const arg of needed) if (v[arg] === undefined) ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: [arg] });
      }
    })
    .meta({
      oneOf: [
        { required: needed, not: { required: [given.message] } },
        { required: [given.message], properties: Object.fromEntries(given.replaces.map((arg) => [arg, false])) },
      ],
    });
});

export const scenarioStep = z.discriminatedUnion('op', stepSchemas as unknown as [z.ZodObject, ...z.ZodObject[]]);

export type ScenarioStep = Op & { readonly note?: string; readonly expect?: StepExpectation };

const releaseNames = RELEASES.map(releaseName) as [string, ...string[]];

/** Readings by interpretation id; one left out is at its default. Saved files write them all. */
const interpretations = z.strictObject(
  Object.fromEntries(INTERPRETATION_IDS.map((id) => [id, z.enum(alternativesOf(id) as [string, ...string[]]).optional().describe(INTERPRETATIONS[id].question)])),
);

const storyOrigin = z.strictObject({
  kind: z.literal('story'),
  article: z.string(),
});

const failureOrigin = z.strictObject({
  kind: z.literal('failure'),
  property: z.string(),
  claim: z.string(),
  seed: z.number().int(),
  path: z.string().describe("fast-check's replay path for the counterexample"),
  failure: z.string().describe('The violation, as the checker explained it when the failure was found.'),
  step: z.number().int().describe('The step the checker named as the witness, in the saved steps.'),
  found: z.string().describe('When the failure was found (ISO 8601).'),
  minimal: z.boolean().describe('Removing any one step makes the failure go away.'),
  shrunkSteps: z.number().int().describe("Steps in fast-check's shrunk counterexample, before the further reduction."),
  variant: z.string().optional().describe('The model variant it was found on, if not the faithful model.'),
});

const messageOrigin = z.strictObject({
  kind: z.literal('message'),
  file: z.string().describe('The message file it was built around.'),
}).describe('Built by npm run replay -- --message FILE: the message delivered by SMTP, time passing, a logon.');

export const scenarioFile = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT),
  title: z.string().min(1),
  version: z.enum(VERSIONS as [string, ...string[]]),
  servicePack: z.number().int().min(0),
  release: z.enum(releaseNames).describe('Version and service pack together, as the catalogue names them.'),
  interpretations: interpretations.describe('The readings in force (those left out are at their defaults).'),
  judge: z.strictObject({
    properties: z.array(z.string()).describe('Properties the history is judged by.'),
    verdict: z.enum(['holds', 'violated']).describe('What each of them must say for the scenario to behave as the file says.'),
    claim: z.string().optional().describe('With "violated": the claim that must be violated.'),
  }),
  origin: z.discriminatedUnion('kind', [storyOrigin, failureOrigin, messageOrigin]),
  steps: z.array(scenarioStep),
});

export type ScenarioFile = Omit<z.infer<typeof scenarioFile>, 'steps'> & { readonly steps: readonly ScenarioStep[] };
export type FailureOrigin = z.infer<typeof failureOrigin>;
