// The verdict table: holds, violated (on a model with a variant swapped in, which also makes
// the exit code 1), not reached, not run.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import type { TaskRecord } from '../../src/campaign/records.ts';
import { exitCode } from '../../src/campaign/report.ts';
import { render } from '../../src/campaign/render.ts';
import { claimRows } from '../../src/campaign/verdicts.ts';
import { options } from './helpers.ts';

const C1 = 'Q168139-C1 only bad headers and bad TNEF loop';

function rec(over: Partial<TaskRecord>): TaskRecord {
  return { id: `${C1} @ 5.0 SP0 [defaults]`, property: C1, release: '5.0 SP0', reading: null, seed: 1, status: 'done', runs: 5, steps: 40, reached: 0, laws: {}, violation: null, error: null, ...over };
}

describe('verdict table', () => {
  it('says "holds" only when some run reached the trigger, and "not reached" otherwise', () => {
    expect(claimRows([rec({ reached: 3 })])[0]).toMatchObject({ id: 'Q168139-C1', verdict: 'holds', runs: 5, steps: 40, coverage: 3 });
    expect(claimRows([rec({ reached: 0 })])[0]).toMatchObject({ verdict: 'not reached', coverage: 0 });
    expect(claimRows([rec({ status: 'not run', runs: 0, steps: 0 })])[0]!.verdict).toBe('not run');
  });

  it("counts a law's coverage over every task's histories, and its violation found by any task", () => {
    const laws = { 'INV-1': { runs: 5, reached: 2 } };
    const rows = claimRows([rec({ reached: 3, laws }), rec({ id: 'other', reached: 1, laws })]);
    expect(rows.find((r) => r.id === 'INV-1')).toMatchObject({ verdict: 'holds', runs: 10, coverage: 4 });
    const found = { claim: 'INV-1', step: 2, explanation: 'lost', seed: 1, path: '0', shrunkSteps: 3, steps: 3, scenario: 'x.json' };
    // A law whose trigger no history reached is "not reached", however far the tasks' own properties got.
    const never = claimRows([rec({ reached: 3, laws: { 'INV-1': { runs: 5, reached: 0 } } })]);
    expect(never.find((r) => r.id === 'INV-1')).toMatchObject({ verdict: 'not reached', runs: 5, coverage: 0 });
    const broken = claimRows([rec({ reached: 3, laws, violation: found })]);
    expect(broken.find((r) => r.id === 'INV-1')!.verdict).toBe('violated');
    expect(broken.find((r) => r.id === 'Q168139-C1')!.verdict).toBe('holds');
  });

  it('holds for the claims of an article on the faithful model', async () => {
    const report = await runCampaign(options({ articles: ['Q246115'], runs: 25 }));
    expect(report.claims.map((c) => [c.id, c.verdict])).toEqual([['Q246115-S1', 'holds'], ['Q246115-C1', 'holds'], ['Q246115-R1', 'holds']]);
    expect(report.claims[0]!.versions).toEqual(['4.0', '5.0', '5.5']);
    expect(report.claims[0]!.runs).toBe(25 * 5);
    expect(exitCode(report)).toBe(0);
  });

  it('reports a violation with its saved scenario, and exits 1, when the model breaks a claim', async () => {
    const report = await runCampaign(options({ claims: ['Q168139-C1'], runs: 100, variant: 'store-never-loops' }));
    const row = report.claims.find((c) => c.id === 'Q168139-C1')!;
    expect(row.verdict).toBe('violated');
    const path = row.violations[0]!.scenario;
    expect(existsSync(path)).toBe(true);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.origin).toMatchObject({ kind: 'failure', claim: 'Q168139-C1', variant: 'store-never-loops' });
    expect(report.summary.violatedUnderDefaults).toBe(true);
    expect(exitCode(report)).toBe(1);
    expect(render(report, null)).toMatch(/Q168139-C1 .* violated {2}\S+Q168139-C1-5\.0-SP0-defaults-store-never-loops\.json/);
  });

  it('marks every task "not run" once the budget is spent', async () => {
    const report = await runCampaign(options({ articles: ['Q146791'], budget: 0 }));
    expect(report.summary.notRun).toBe(report.summary.tasks);
    expect(new Set(report.claims.map((c) => c.verdict))).toEqual(new Set(['not run']));
    expect(exitCode(report)).toBe(0);
  });
});
