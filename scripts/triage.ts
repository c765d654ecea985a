// The triage table (mutation/triage.md): a row per surviving mutant, keyed by file,
// line:column and mutator, with its change, verdict and why. Several mutants can share a key
// (one condition replaced by true, by false, by a part of itself): each takes the row that names
// its change. A row in words (no code before and after) is taken by order among its key's; a row
// naming another mutant's code is never read for this one, which is then left untriaged.

export interface TriageRow {
  /** `file line:column mutator`. */
  readonly key: string;
  /** The Change cell as written: the code before and after, or words. */
  readonly change: string;
  readonly verdict: string;
  readonly why: string;
}

/** A surviving (or uncovered) mutant, as the report gives it. */
export interface Survivor {
  readonly key: string;
  /** Its code before and after, each shortened as the summary prints them. */
  readonly original: string;
  readonly replacement: string;
}

/** The rows of the table: lines `| file | line:column | mutator | change | verdict | why |`. */
export function readTriage(text: string): TriageRow[] {
  const rows: TriageRow[] = [];
  for (const line of text.split('\n')) {
    // Cells split at each "|" that is not escaped ("\|" is a "|" inside a cell, as in Markdown).
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length < 8 || !/^\d+:\d+$/.test(cells[2]!)) continue;
    rows.push({ key: `${cells[1]!.replace(/`/g, '')} ${cells[2]} ${cells[3]}`, change: cells[4]!, verdict: cells[5]!.toLowerCase(), why: cells[6]! });
  }
  return rows;
}

/** Code compared as text: no backticks, no "(not covered)", "|" unescaped, blanks collapsed. */
function plain(text: string): string {
  return text.replace(/\(not covered\)\s*$/, '').replace(/\\\|/g, '|').replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether one side of a row's change is this code: the same, or the code's beginning cut short with "...". */
function sameCode(written: string, code: string): boolean {
  const w = plain(written);
  const c = plain(code);
  return w === c || (w.endsWith('...') && c.startsWith(w.slice(0, -3)));
}

/** Whether a row's Change names this survivor's code before and after. */
function names(change: string, s: Survivor): boolean {
  const [before, after, ...rest] = change.split(/\s(?:→|->)\s/);
  return rest.length === 0 && after !== undefined && sameCode(before!, s.original) && sameCode(after, s.replacement);
}

/** Whether a Change cell names the code before and after (`` `a` → `b` ``), rather than saying it in words. */
function namesCode(change: string): boolean {
  return /^`.*`\s*(→|->)\s*`.*`(\s*\(not covered\))?$/.test(change.trim());
}

/**
 * Each survivor's row (undefined: none is its own), and the rows no survivor took. A row naming
 * the survivor's change is taken first; then, by order, a row of its key in words; a survivor
 * left over when those are all taken shares its key's last row in words ("as above").
 */
export function assignRows(rows: readonly TriageRow[], survivors: readonly Survivor[]): { rowOf: (TriageRow | undefined)[]; unused: TriageRow[] } {
  const byKey = new Map<string, TriageRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const taken = new Set<TriageRow>();
  const rowOf: (TriageRow | undefined)[] = survivors.map(() => undefined);
  // Named changes first, so that a row taken by order is never one another survivor names.
  survivors.forEach((s, i) => {
    const named = (byKey.get(s.key) ?? []).find((r) => !taken.has(r) && names(r.change, s));
    if (named) {
      rowOf[i] = named;
      taken.add(named);
    }
  });
  survivors.forEach((s, i) => {
    if (rowOf[i]) return;
    const inWords = (byKey.get(s.key) ?? []).filter((r) => !namesCode(r.change));
    const next = inWords.find((r) => !taken.has(r));
    if (next) taken.add(next);
    rowOf[i] = next ?? inWords.at(-1);
  });
  return { rowOf, unused: rows.filter((r) => !taken.has(r)) };
}
