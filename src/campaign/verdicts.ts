// The verdict table: per claim and per invariant, the runs, steps and coverage of its
// properties on its releases under the default readings, and what they say. A claim whose
// trigger no run reached has not been checked: it is "not reached", never "holds".

import { CLAIMS, INVARIANTS } from '../harness/claims.ts';
import { PROPERTIES } from '../../properties/index.ts';
import { INVARIANT_ARTICLE } from './plan.ts';
import type { TaskRecord } from './records.ts';

export type VerdictName = 'holds' | 'violated' | 'not reached' | 'not run' | 'error';

export interface Break {
  readonly claim: string;
  readonly release: string;
  readonly property: string;
  readonly explanation: string;
  readonly scenario: string;
}

export interface ClaimRow {
  readonly id: string;
  readonly article: string;
  readonly section: string;
  readonly versions: readonly string[];
  readonly releases: readonly string[];
  readonly runs: number;
  readonly steps: number;
  /** Runs that reached the claim's trigger, summed over its properties and releases. */
  readonly coverage: number;
  readonly verdict: VerdictName;
  readonly violations: readonly Break[];
  readonly errors: readonly string[];
  /** With --explore-budget: every history up to this many steps was explored and held on all its releases (null: not explored). */
  readonly exploredDepth?: number | null;
}

const CATALOGUE = [
  ...CLAIMS.map((c) => ({ id: c.id, article: c.article, section: c.section, versions: c.versions })),
  ...INVARIANTS.map((i) => ({ id: i.id, article: INVARIANT_ARTICLE, section: 'INVARIANT', versions: i.versions })),
];

/** The claims a property checks (none for a name the registry no longer has, e.g. in an old report). */
export const claimsOf = (property: string): readonly string[] => PROPERTIES.find((p) => p.name === property)?.claims ?? [];

export function breaksOf(records: readonly TaskRecord[], claim?: string): Break[] {
  return records.flatMap((r) =>
    r.violation && (claim === undefined || r.violation.claim === claim)
      ? [{ claim: r.violation.claim, release: r.release, property: r.property, explanation: r.violation.explanation, scenario: r.violation.scenario }]
      : [],
  );
}

/** `coverage`: the runs that reached the claim's trigger (for a law, its own trigger, in any task's histories). */
export function verdictOf(records: readonly TaskRecord[], claim: string, coverage: number): VerdictName {
  if (records.some((r) => r.violation?.claim === claim)) return 'violated';
  if (records.some((r) => r.status === 'error')) return 'error';
  if (records.some((r) => r.status === 'not run')) return 'not run';
  return coverage > 0 ? 'holds' : 'not reached';
}

/** Whether a catalogue entry is a law: judged on every history of every task, not only its own property's. */
const isLaw = (id: string): boolean => INVARIANTS.some((i) => i.id === id);

/**
 * Rows for the claims and invariants checked by the given records (default readings only). A
 * law's row counts every history any task generated (its own property's and every other's),
 * and is violated when any task found it violated.
 */
export function claimRows(records: readonly TaskRecord[]): ClaimRow[] {
  const main = records.filter((r) => r.reading === null);
  return CATALOGUE.flatMap((c) => {
    const own = main.filter((r) => claimsOf(r.property).includes(c.id));
    const judging = isLaw(c.id) ? main.filter((r) => own.includes(r) || r.laws[c.id] !== undefined) : own;
    if (!judging.length) return [];
    const sum = (f: (r: TaskRecord) => number) => judging.reduce((n, r) => n + f(r), 0);
    const mine = (r: TaskRecord) => own.includes(r);
    const coverage = sum((r) => (mine(r) ? r.reached : (r.laws[c.id]?.reached ?? 0)));
    return [{
      id: c.id,
      article: c.article,
      section: c.section,
      versions: c.versions,
      releases: [...new Set(judging.map((r) => r.release))],
      runs: sum((r) => (mine(r) ? r.runs : (r.laws[c.id]?.runs ?? 0))),
      steps: sum((r) => (mine(r) ? r.steps : 0)),
      coverage,
      verdict: verdictOf(judging, c.id, coverage),
      violations: breaksOf(judging, c.id),
      errors: judging.flatMap((r) => (r.error ? [`${r.id}: ${r.error}`] : [])),
    }];
  });
}
