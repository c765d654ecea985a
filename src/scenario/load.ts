// Loading a scenario file: read (never written, moved or deleted), decoded as UTF-8, parsed
// as JSON, checked against the format's schema and against what its names refer to. Anything
// wrong, whatever the path names and whatever its bytes, is a ScenarioError naming the file,
// the place (line:column and JSON path) and the problem.

import type { Op } from '../faults/operations.ts';
import type { Variant } from '../harness/variant.ts';
import { withReadings, type Interpretations } from '../model/interpretations.ts';
import { parseRelease, type Release } from '../model/release.ts';
import { LAWS, PROPERTIES } from '../../properties/index.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { crossCheck, type Known } from './checks.ts';
import { parseDocument } from './document.ts';
import { decodeScenario } from './encoding.ts';
import { scenarioFile, type ScenarioFile, type StepExpectation } from './format.ts';
import { problemsOf } from './issues.ts';
import { ScenarioError } from './problems.ts';
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

export const KNOWN: Known = { properties: PROPERTIES, variants: VARIANTS, laws: LAWS };

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
  const problems = crossCheck(doc, file, known);
  if (problems.length) throw new ScenarioError(path, sorted(problems));

  const variantName = file.origin.kind === 'failure' ? file.origin.variant : undefined;
  const variant = known.variants.find((v) => v.name === variantName);
  const readings = withReadings({ ...variant?.readings, ...file.interpretations });
  const ops = file.steps.map(({ note: _note, expect: _expect, ...op }) => op as Op);
  return { path, file, release: parseRelease(file.release)!, readings, ...(variant ? { variant } : {}), ops, expectations: file.steps.map((s) => s.expect) };
}

function sorted<T extends { line?: number; column?: number }>(problems: T[]): T[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
