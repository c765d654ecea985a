// What is wrong with a scenario file, said the way a compiler says it: the file, the line and
// column, the JSON path, and the problem in plain words. One problem per line, so an editor
// can jump to each. Whatever of the file a message quotes is shortened, and shown with its
// control characters escaped: the file may hold anything.

import { escapeControls } from './escape.ts';

export type JsonPath = readonly (string | number)[];

export interface Problem {
  /** 1-based; absent when the problem is the file itself (missing, a directory, empty). */
  readonly line?: number;
  readonly column?: number;
  /** Where in the document, as `steps[3].freeBytes`; absent for the whole file. */
  readonly where?: string;
  readonly message: string;
}

/** Problems listed in a message; a file with more (thousands of bad steps) gets a count of the rest. */
export const SHOWN_PROBLEMS = 50;

export class ScenarioError extends Error {
  constructor(readonly file: string, readonly problems: readonly Problem[]) {
    const rest = problems.length - SHOWN_PROBLEMS;
    const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => describeProblem(file, p));
    super([...lines, ...(rest > 0 ? [`${escapeControls(file)}: and ${rest} more problem${rest === 1 ? '' : 's'}`] : [])].join('\n'));
    this.name = 'ScenarioError';
  }
}

/** One line: `file:line:col: where: problem`, control characters (line breaks too) escaped. */
export function describeProblem(file: string, p: Problem): string {
  const place = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return escapeControls(`${place}: ${p.where ? `${p.where}: ` : ''}${p.message}`);
}

/** Text from the file in a message: quoted as JSON, at most 60 characters of it. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** `steps[3].freeBytes`, `interpretations.lowDisk`, `judge["odd key"]`. */
export function pathText(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${quote(key)}]`;
  }
  return out;
}

/** Line and column (1-based) of an offset in the text. */
export function position(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  const at = Math.min(Math.max(offset, 0), text.length);
  // The last line starting at or before the offset.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

// The line starts of the last text asked about: a file with thousands of problems is scanned once, not once per problem.
let indexed: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (indexed?.text === text) return indexed.starts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  indexed = { text, starts };
  return starts;
}

/** A value as a sentence names it: `the string "x"`, `the number 1.5`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${quote(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

/**
 * The known name closest to a misspelt one, if any is close enough to be a likely typo; or
 * the one name that starts with the same first word (a property named by its claim id).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const near = Math.max(1, Math.floor(word.length / 5));
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    // The distance is at least the difference in length: a name too long or too short is not measured (a megabyte of text would take minutes).
    if (Math.abs(name.length - w.length) > near) continue;
    const d = distance(w, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (best && best.d <= near) return best.name;
  const first = w.split(' ')[0]!;
  const same = w.includes(' ') ? known.filter((name) => name.toLowerCase().split(' ')[0] === first) : [];
  return same.length === 1 ? same[0] : undefined;
}

/** `unknown X "y"; did you mean "z"?` when one is close, else `unknown X "y". Known: a, b, c`. */
export function unknownName(what: string, word: string, known: readonly string[]): string {
  return `unknown ${what} ${quote(word)}${suggestion(word, known)}`;
}

/** `; did you mean "z"?` and, when the list is short or nothing is close, `Known: a, b, c`. */
export function suggestion(word: string, known: readonly string[]): string {
  const near = closest(word, known);
  const list = `Known: ${known.join(', ')}`;
  if (!near) return `. ${list}`;
  return `; did you mean ${JSON.stringify(near)}?${known.length <= 10 ? ` ${list}` : ''}`;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
