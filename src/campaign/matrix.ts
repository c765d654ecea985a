// The interpretation matrix: for each non-default alternative of each interpretation, which
// claims it breaks (each with its saved scenario), and which it leaves unreached. The defaults
// break none; that is the main table.

import { CLAIMS } from '../harness/claims.ts';
import { INTERPRETATIONS, type InterpretationId } from '../model/interpretations.ts';
import type { TaskRecord } from './records.ts';
import { breaksOf, claimsOf, type Break } from './verdicts.ts';

export interface MatrixRow {
  readonly interpretation: InterpretationId;
  readonly alternative: string;
  readonly description: string;
  readonly articles: readonly string[];
  readonly tasks: number;
  readonly notRun: number;
  readonly runs: number;
  readonly steps: number;
  /** Claims checked under this alternative. */
  readonly claims: readonly string[];
  /** Whether those include claims of the articles the interpretation concerns (filters may leave only invariants). */
  readonly ownArticles: boolean;
  readonly breaks: readonly Break[];
  /** Claims not broken whose trigger no run reached under this alternative. */
  readonly unreached: readonly string[];
  readonly errors: readonly string[];
}

export const BREAKS_NONE = 'breaks none: the articles do not decide it';

export function matrixRows(records: readonly TaskRecord[]): MatrixRow[] {
  const groups = new Map<string, TaskRecord[]>();
  for (const r of records) {
    if (!r.reading) continue;
    const key = `${r.reading.interpretation}=${r.reading.alternative}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const { interpretation, alternative } = group[0]!.reading!;
    const i = INTERPRETATIONS[interpretation];
    const claims = [...new Set(group.flatMap((r) => claimsOf(r.property)))];
    const breaks = breaksOf(group);
    const broken = new Set(breaks.map((b) => b.claim));
    const unreached = claims.filter((c) => {
      const mine = group.filter((r) => claimsOf(r.property).includes(c));
      return !broken.has(c) && mine.every((r) => r.status === 'done') && mine.every((r) => r.reached === 0);
    });
    return {
      interpretation,
      alternative,
      description: (i.alternatives as Record<string, string>)[alternative] ?? '',
      articles: i.articles,
      tasks: group.length,
      notRun: group.filter((r) => r.status === 'not run').length,
      runs: group.reduce((n, r) => n + r.runs, 0),
      steps: group.reduce((n, r) => n + r.steps, 0),
      claims,
      ownArticles: claims.some((c) => i.articles.includes(CLAIMS.find((x) => x.id === c)?.article ?? '')),
      breaks,
      unreached,
      errors: group.flatMap((r) => (r.error ? [`${r.id}: ${r.error}`] : [])),
    };
  });
}
