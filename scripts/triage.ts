// The triage table (mutation/triage.md): a row per surviving mutant, keyed by file,
// line:column and mutator, with its change, verdict and why. Several mutants can share a key
// (one condition replaced by true, by false, by a part of itself): each then takes the row that
// names its change, and failing that the next row of its key in order, so that no row's
// verdict is read for a mutant it was not written for.

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

/** A change compared as text: no backticks, no "(not covered)", "|" unescaped, blanks collapsed. */
function plain(change: string): string {
  return change.replace(/\(not covered\)\s*$/, '').replace(/\\\|/g, '|').replace(/`/g, '').replace(/->/g, '→').replace(/\s+/g, ' ').trim();
}

/**
 * Each survivor's row (undefined: none has its key), and the rows no survivor took. A row
 * naming the survivor's change is taken first; then the rows of its key in order; a survivor
 * left over when its key's rows are all taken shares the key's last row (a row may speak for
 * several mutants alike: "as above").
 */
export function assignRows(rows: readonly TriageRow[], survivors: readonly Survivor[]): { rowOf: (TriageRow | undefined)[]; unused: TriageRow[] } {
  const byKey = new Map<string, TriageRow[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const taken = new Set<TriageRow>();
  const rowOf: (TriageRow | undefined)[] = survivors.map(() => undefined);
  // Named changes first, so that a row in order never takes a row another survivor names.
  survivors.forEach((s, i) => {
    const change = plain(`${s.original} → ${s.replacement}`);
    const named = (byKey.get(s.key) ?? []).find((r) => !taken.has(r) && plain(r.change) === change);
    if (named) {
      rowOf[i] = named;
      taken.add(named);
    }
  });
  survivors.forEach((s, i) => {
    if (rowOf[i]) return;
    const own = byKey.get(s.key) ?? [];
    const next = own.find((r) => !taken.has(r));
    if (next) taken.add(next);
    rowOf[i] = next ?? own.at(-1);
  });
  return { rowOf, unused: rows.filter((r) => !taken.has(r) && !rowOf.includes(r)) };
}
