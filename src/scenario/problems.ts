// What is wrong with a scenario file, said the way a compiler says it: the file, the line and
// column, the JSON path, and the problem in plain words. One problem per line, so an editor
// can jump to each.

export type JsonPath = readonly (string | number)[];

export interface Problem {
  /** 1-based; absent when the problem is the file itself (missing, a directory, empty). */
  readonly line?: number;
  readonly column?: number;
  /** Where in the document, as `steps[3].freeBytes`; absent for the whole file. */
  readonly where?: string;
  readonly message: string;
}

export class ScenarioError extends Error {
  constructor(readonly file: string, readonly problems: readonly Problem[]) {
    super(problems.map((p) => describeProblem(file, p)).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function describeProblem(file: string, p: Problem): string {
  const place = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${place}: ${p.where ? `${p.where}: ` : ''}${p.message}`;
}

/** `steps[3].freeBytes`, `interpretations.lowDisk`, `judge["odd key"]`. */
export function pathText(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Line and column (1-based) of an offset in the text. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A value as a sentence names it: `the string "x"`, `the number 1.5`, `a list`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
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
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(w, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (best && best.d <= Math.max(1, Math.floor(word.length / 5))) return best.name;
  const first = w.split(' ')[0]!;
  const same = w.includes(' ') ? known.filter((name) => name.toLowerCase().split(' ')[0] === first) : [];
  return same.length === 1 ? same[0] : undefined;
}

/** `unknown X "y"; did you mean "z"?` when one is close, else `unknown X "y". Known: a, b, c`. */
export function unknownName(what: string, word: string, known: readonly string[]): string {
  return `unknown ${what} ${JSON.stringify(word)}${suggestion(word, known)}`;
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
