// Loading a scenario file: read (never written, moved or deleted), decoded as UTF-8, parsed
// as JSON, checked against the format's schema and against what its names refer to. Anything
// wrong, whatever the path names and whatever its bytes, is a ScenarioError naming the file,
// the place (line:column and JSON path) and the problem.

import type { Op } from '../faults/operations.ts';
import type { Variant } from '../harness/variant.ts';
import { withReadings, type Interpretations } from '../model/interpretations.ts';
import { parseRelease, type Release } from '../model/release.ts';
import { LAWS, PROPERTIES } from '../../properties/index.ts';
import { CANARIES } from '../../properties/variants/canaries.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { crossCheck, type Known } from './checks.ts';
import { parseDocument, problemAt, type JsonDocument } from './document.ts';
import { decodeScenario } from './encoding.ts';
import { scenarioFile, type ScenarioFile, type StepExpectation } from './format.ts';
import { problemsOf } from './issues.ts';
import { ScenarioError, type Problem } from './problems.ts';
import { MAX_MESSAGE_BYTES, MESSAGE_FILE, kib, messageProblem, readMessageFile } from './messageFile.ts';
import { messageIdOf } from '../mail/mime.ts';
import { readScenarioBytes } from './read.ts';

export interface LoadedScenario {
  readonly path: string;
  readonly file: ScenarioFile;
  readonly release: Release;
  /** Every reading: the file's, then the variant's, then the defaults. */
  readonly readings: Interpretations;
  /** The variant of the model named in origin.variant, if any. */
  readonly variant?: Variant;
  readonly ops: readonly Op[];
  /** What must be observed after each step (undefined where a step says nothing). */
  readonly expectations: readonly (StepExpectation | undefined)[];
}

// A canary's failure (a soak of a dud model) is saved like any other and must replay.
export const KNOWN: Known = { properties: PROPERTIES, variants: [...VARIANTS, ...CANARIES], laws: LAWS };

export function loadScenario(path: string, known: Known = KNOWN): LoadedScenario {
  const read = readScenarioBytes(path);
  if (!read.ok) throw new ScenarioError(path, [{ message: read.message }]);
  const decoded = decodeScenario(read.bytes);
  if (!decoded.ok) throw new ScenarioError(path, [decoded.problem]);
  return fromText(path, decoded.text, known);
}

/** The same checks on text already in hand (`path` names it in messages). */
export function fromText(path: string, text: string, known: Known = KNOWN): LoadedScenario {
  const parsed = parseDocument(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new ScenarioError(path, parsed.problems);
  const { doc } = parsed;
  const result = scenarioFile.safeParse(doc.value);
  if (!result.success) throw new ScenarioError(path, sorted(problemsOf(doc, result.error.issues)));
  const file = result.data as unknown as ScenarioFile;
  const given = givenMessages(doc, path, file);
  const problems = [...crossCheck(doc, file, known), ...given.problems];
  if (problems.length) throw new ScenarioError(path, sorted(problems));

  const variantName = file.origin.kind === 'failure' ? file.origin.variant : undefined;
  const variant = known.variants.find((v) => v.name === variantName);
  const readings = withReadings({ ...variant?.readings, ...file.interpretations });
  // A message given by file or in base64 is held by the operation as its bytes, in base64.
  const ops = file.steps.map(({ note: _note, expect: _expect, ...op }, i) => {
    const bytes = given.bytes[i];
    return (bytes ? { ...op, message: { base64: bytes.toString('base64') } } : op) as Op;
  });
  return { path, file, release: parseRelease(file.release)!, readings, ...(variant ? { variant } : {}), ops, expectations: file.steps.map((s) => s.expect) };
}

/**
 * The messages the steps give as bytes: each read (a file, relative to the scenario) or decoded,
 * and checked: not empty, not too big (each, and all together), and with a Message-ID that no
 * other given message has. By step; problems at their places.
 */
function givenMessages(doc: JsonDocument, path: string, file: ScenarioFile): { problems: Problem[]; bytes: (Buffer | undefined)[] } {
  const problems: Problem[] = [];
  const owners = new Map<string, number>();
  let total = 0;
  const bytes = file.steps.map((step, i) => {
    const message = (step as { message?: { base64?: string; file?: string } }).message;
    if (message === undefined) return undefined;
    const form = message.file !== undefined ? 'file' : 'base64';
    const at = (text: string) => problems.push(problemAt(doc, ['steps', i, 'message', form], text));
    let b: Buffer;
    if (message.file !== undefined) {
      const read = readMessageFile(path, message.file);
      if (!read.ok) return void at(read.message);
      b = read.bytes;
    } else {
      b = Buffer.from(message.base64!, 'base64');
    }
    const problem = messageProblem(b);
    if (problem) return void at(problem);
    const id = messageIdOf(b)!;
    const other = owners.get(id);
    if (other !== undefined) return void at(`its Message-ID <${id}> is also that of the message of steps[${other}]; the checkers follow messages by Message-ID, so each message given needs its own`);
    owners.set(id, i);
    total += b.byteLength;
    if (total > MAX_MESSAGE_BYTES) return void at(`the messages given up to here come to ${kib(total)}; together they may be at most ${MESSAGE_FILE.limit}`);
    return b;
  });
  return { problems, bytes };
}

function sorted<T extends { line?: number; column?: number }>(problems: T[]): T[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
