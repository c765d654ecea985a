// A scenario file's text as a JSON document: its value, and the syntax tree that says where
// each part of it is, so that a problem found in the value can be pointed at in the text.
// Syntax errors are put in plain words; only the first is reported, the rest follow from it.
// A text nested too deeply for the recursive parser is refused before it is parsed.

import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { MAX_DEPTH, tooDeep } from './depth.ts';
import { pathText, position, quote, type JsonPath, type Problem } from './problems.ts';

export interface JsonDocument {
  readonly text: string;
  readonly root: Node;
  readonly value: Record<string, unknown>;
}

export type Parsed = { readonly ok: true; readonly doc: JsonDocument } | { readonly ok: false; readonly problems: Problem[] };

export function parseDocument(text: string): Parsed {
  if (text.trim() === '') return { ok: false, problems: [{ message: 'the file is empty; a scenario is a JSON object (see scenarios/scenario.schema.json)' }] };
  const deep = tooDeep(text);
  if (deep !== undefined) return { ok: false, problems: [{ ...position(text, deep), message: `the JSON nests more than ${MAX_DEPTH} levels deep here; a scenario nests 5 at most` }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first) return { ok: false, problems: [{ ...position(text, first.offset), message: syntaxMessage(text, first) }] };
  if (!root) return { ok: false, problems: [{ message: 'the file holds no JSON value' }] };
  const value: unknown = getNodeValue(root);
  if (root.type !== 'object') {
    return { ok: false, problems: [{ ...position(text, root.offset), message: `expected a JSON object (a scenario), got ${root.type === 'array' ? 'a list' : `a ${root.type}`}` }] };
  }
  const duplicate = duplicateKey(root);
  if (duplicate) return { ok: false, problems: [problemAt({ text, root, value: value as Record<string, unknown> }, duplicate.path, `the field ${quote(duplicate.key)} appears twice; keep one`, duplicate.node)] };
  return { ok: true, doc: { text, root, value: value as Record<string, unknown> } };
}

/** A problem pointed at the path, or at the nearest part of it that exists (a missing field points at its object). */
export function problemAt(doc: JsonDocument, path: JsonPath, message: string, node?: Node): Problem {
  const where = pathText(path);
  return { ...position(doc.text, (node ?? nearestNode(doc.root, path)).offset), ...(where ? { where } : {}), message };
}

/** The property key's node for `path`'s last key, to point at an unknown field's name. */
export function keyNode(doc: JsonDocument, path: JsonPath): Node | undefined {
  const value = findNodeAtLocation(doc.root, [...path]);
  return value?.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
}

function nearestNode(root: Node, path: JsonPath): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, [...path.slice(0, n)]);
    if (node) return node;
  }
  return root;
}

function syntaxMessage(text: string, e: ParseError): string {
  const atEnd = e.offset >= text.trimEnd().length;
  // An unterminated string or number is reported where it starts: it is truncation if it runs to the end.
  const runsToEnd = e.offset + e.length >= text.trimEnd().length;
  const token = JSON.stringify(text.slice(e.offset, e.offset + Math.min(Math.max(e.length, 1), 20)));
  const truncated = 'the file ends too early: it looks truncated';
  switch (printParseErrorCode(e.error)) {
    case 'InvalidSymbol': return `this is not JSON: unexpected ${token}`;
    case 'InvalidNumberFormat': return 'a number is written wrongly (JSON numbers have no leading zeros, no + sign and no trailing dot)';
    case 'PropertyNameExpected': return atEnd ? `${truncated} (a field name is missing at the end)` : text[e.offset] === '}' ? 'a comma before } is not allowed in JSON' : 'a field name in double quotes is expected here';
    case 'ValueExpected': return atEnd ? `${truncated} (a value is missing at the end)` : text[e.offset] === ']' ? 'a comma before ] is not allowed in JSON' : `a value is expected here, not ${token}`;
    case 'ColonExpected': return atEnd ? `${truncated} (a field has no value)` : 'a colon (:) is expected after the field name';
    case 'CommaExpected': return atEnd ? truncated : 'a comma is expected between two items';
    case 'CloseBraceExpected': return atEnd ? `${truncated} (an object is not closed with })` : 'a } or a comma is expected here';
    case 'CloseBracketExpected': return atEnd ? `${truncated} (a list is not closed with ])` : 'a ] or a comma is expected here';
    case 'EndOfFileExpected': return 'unexpected text after the end of the scenario';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment': return 'comments are not allowed in JSON; use a step\'s "note"';
    case 'UnexpectedEndOfString': return runsToEnd ? `${truncated} (a string is not closed)` : 'a string is not closed on its line (write a line break inside a string as \\n)';
    case 'UnexpectedEndOfNumber': return runsToEnd ? `${truncated} (a number is cut off)` : 'a number is cut off';
    case 'InvalidUnicode': return 'a \\u escape needs four hexadecimal digits';
    case 'InvalidEscapeCharacter': return 'a backslash in a string must be written \\\\ (as in C:\\\\exchsrvr)';
    case 'InvalidCharacter': return 'a control character (a tab or a line break) inside a string must be escaped';
    default: return 'this is not valid JSON here';
  }
}

function duplicateKey(node: Node, path: (string | number)[] = []): { key: string; path: JsonPath; node: Node } | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      if (seen.has(name)) return { key: name, path: [...path, name], node: key };
      seen.add(name);
      const inner = duplicateKey(value, [...path, name]);
      if (inner) return inner;
    }
  } else if (node.type === 'array') {
    for (const [i, child] of (node.children ?? []).entries()) {
      const inner = duplicateKey(child, [...path, i]);
      if (inner) return inner;
    }
  }
  return undefined;
}
