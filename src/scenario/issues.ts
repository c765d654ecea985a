// zod's findings about a scenario file, rewritten for the person who wrote the file: what is
// missing, what was expected and what was found, the known names (or the closest one), in
// the words of the operations table rather than of the schema library.

import type { $ZodIssue } from 'zod/v4/core';
import { OPERATIONS, OP_NAMES } from '../faults/catalogue.ts';
import type { ArgSpec, OpName } from '../faults/operations.ts';
import { INTERPRETATION_IDS } from '../model/interpretations.ts';
import { baseRelease } from '../model/release.ts';
import { SPOOL_DIRS } from '../model/paths.ts';
import { keyNode, problemAt, type JsonDocument } from './document.ts';
import { WAITING_PLACES, scenarioFile, stepExpectation } from './format.ts';
import { closest, describeValue, quote, suggestion, unknownName, type JsonPath, type Problem } from './problems.ts';

export function problemsOf(doc: JsonDocument, issues: readonly $ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => explain(doc, issue.path as JsonPath, issue));
}

function explain(doc: JsonDocument, path: JsonPath, issue: $ZodIssue): Problem[] {
  const at = (message: string) => [problemAt(doc, path, message)];
  const found = lookup(doc.value, path);
  const spec = argSpec(doc, path);
  switch (issue.code) {
    case 'invalid_type':
      if (!found.present) return at(`missing; ${spec ? needs(doc, path, spec) : `expected ${typeText(issue.expected)}`}`);
      return at(`expected ${spec ? kindText(spec) : typeText(issue.expected)}, got ${describeValue(found.value)}`);
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (!found.present) return at(`missing; ${spec ? needs(doc, path, spec) : `expected ${values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.join(', ')}`}`}`);
      if (values.length === 1 || typeof found.value !== 'string') return at(`expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(found.value)}`);
      return at(notAmong(path, found.value, values));
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string') return at('must not be empty');
      const unit = spec?.type === 'integer' && spec.unit ? ` ${spec.unit}` : '';
      const range = spec?.type === 'integer' ? `from ${spec.min} to ${spec.max}${unit}` : issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      return at(`${String(found.value)} is out of range: expected ${range}`);
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => problemAt(doc, [...path, key], unknownKey(doc, path, key), keyNode(doc, [...path, key])));
    case 'invalid_union':
      if (issue.discriminator && 'options' in issue && issue.options) {
        const options = issue.options.map(String);
        const what = issue.discriminator === 'op' ? 'operation' : `${pathOf(path)} kind`;
        if (!found.present) return at(`missing; ${issue.discriminator === 'op' ? 'every step names its operation, e.g. "op": "time.pass"' : `expected one of ${options.join(', ')}`}`);
        if (typeof found.value !== 'string') return at(`expected the name of ${what === 'operation' ? 'an' : 'a'} ${what}, got ${describeValue(found.value)}`);
        return at(unknownName(what, found.value, options));
      }
      return at(issue.message);
    default:
      return at(issue.message);
  }
}

function lookup(value: unknown, path: JsonPath): { present: boolean; value?: unknown } {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return { present: false };
    v = (v as Record<string | number, unknown>)[key];
  }
  return { present: true, value: v };
}

/** The step's operation, when the path is inside a step whose op is known. */
function opAt(doc: JsonDocument, path: JsonPath): OpName | undefined {
  if (path[0] !== 'steps' || typeof path[1] !== 'number') return undefined;
  const op = lookup(doc.value, ['steps', path[1], 'op']).value;
  return typeof op === 'string' && (OP_NAMES as readonly string[]).includes(op) ? (op as OpName) : undefined;
}

/** The argument's description in the operations table, for `steps[i].<argument>`. */
function argSpec(doc: JsonDocument, path: JsonPath): ArgSpec | undefined {
  const op = opAt(doc, path);
  return op && path.length === 3 && typeof path[2] === 'string' ? OPERATIONS[op].args[path[2]] : undefined;
}

/** `agent.delete needs dir: one of work, in, out`; and for an argument a given message replaces, that it may be given instead. */
function needs(doc: JsonDocument, path: JsonPath, spec: ArgSpec): string {
  const op = opAt(doc, path);
  const arg = String(path[path.length - 1]);
  const instead = op ? Object.entries(OPERATIONS[op].args).find(([, s]) => s.type === 'message' && s.replaces.includes(arg)) : undefined;
  const or = instead && instead[1].type === 'message' ? `; or give a message of its own as bytes in ${instead[0]} instead, without ${instead[1].replaces.join(', ')}` : '';
  return `${op} needs ${arg}: ${specText(spec)}${or}`;
}

function kindText(spec: ArgSpec): string {
  switch (spec.type) {
    case 'integer': return 'an integer';
    case 'enum': return `one of ${spec.values.join(', ')}`;
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    case 'message': return 'an object: { "base64": "..." } or { "file": "mails/odd.eml" }';
  }
}

function specText(spec: ArgSpec): string {
  return spec.type === 'integer' ? `an integer from ${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}` : kindText(spec);
}

function typeText(expected: string): string {
  const words: Record<string, string> = {
    number: 'a number', int: 'an integer', string: 'a string', boolean: 'true or false',
    object: 'an object ({ ... })', array: 'a list ([ ... ])',
  };
  return words[expected] ?? expected;
}

function pathOf(path: JsonPath): string {
  return path.filter((k) => typeof k === 'string').join('.');
}

function notAmong(path: JsonPath, value: string, values: readonly string[]): string {
  const last = path[path.length - 1];
  const level = path.length === 1 && last === 'release' ? baseRelease(value) : undefined;
  if (level) return `${JSON.stringify(value)} names a version, not a release: releases are named by their level, as in ${JSON.stringify(level)}`;
  if (path[0] === 'interpretations' && typeof last === 'string') {
    return `${quote(value)} is not an alternative of the reading ${last}${suggestion(value, values)}`;
  }
  const what = path[0] === 'steps' && path[2] === 'expect' && path[3] === 'services' ? 'service state' : typeof last === 'string' ? last : 'value';
  return `${quote(value)} is not a known ${what}${suggestion(value, values)}`;
}

const STEP_EXTRAS = ['note', 'expect'];

function unknownKey(doc: JsonDocument, path: JsonPath, key: string): string {
  const [first, index, third, fourth] = path;
  if (path.length === 0) return unknownName('field', key, Object.keys(scenarioFile.shape));
  if (first === 'interpretations' && path.length === 1) return unknownName('interpretation', key, INTERPRETATION_IDS);
  if (first === 'steps' && typeof index === 'number' && path.length === 2) {
    const op = opAt(doc, path);
    const args = op ? Object.keys(OPERATIONS[op].args) : [];
    const near = closest(key, [...args, ...STEP_EXTRAS]);
    const takes = args.length ? `It takes ${args.join(', ')}` : 'It takes no arguments';
    return `unknown argument ${quote(key)} for ${op ?? 'this operation'}${near ? `; did you mean ${JSON.stringify(near)}?` : '.'} ${takes} (and any step may also have ${STEP_EXTRAS.join(', ')}).`;
  }
  if (first === 'steps' && third === 'expect' && path.length === 3) return unknownName('expectation', key, Object.keys(stepExpectation.shape));
  if (first === 'steps' && typeof third === 'string' && path.length === 3 && argSpec(doc, path)?.type === 'message') {
    return unknownName(`field of ${third}`, key, ['base64', 'file']);
  }
  if (first === 'steps' && third === 'expect' && fourth === 'spool') return unknownName('spool directory', key, SPOOL_DIRS);
  if (first === 'steps' && third === 'expect' && fourth === 'waiting') return unknownName('place where mail waits', key, WAITING_PLACES);
  if (first === 'judge') return unknownName('field of judge', key, Object.keys(scenarioFile.shape.judge.shape));
  if (first === 'origin') return unknownName('field of origin', key, originKeys(lookup(doc.value, ['origin', 'kind']).value));
  return `unknown field ${quote(key)}`;
}

function originKeys(kind: unknown): string[] {
  const option = scenarioFile.shape.origin.options.find((o) => o.shape.kind.value === kind);
  return option ? Object.keys(option.shape) : [];
}
