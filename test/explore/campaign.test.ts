// Exploration in the campaign: --explore-budget, an Explored column in the verdict table, and
// a violation found by exploration fails the run.

import { describe, expect, it } from 'vitest';
import { parseCampaignArgs, UsageError } from '../../src/campaign/args.ts';
import { verdictTable } from '../../src/campaign/render.ts';
import { exitCode, type Report } from '../../src/campaign/report.ts';
import type { ClaimRow } from '../../src/campaign/verdicts.ts';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { addExploration } from '../../src/explore/campaign.ts';
import { scratchDir } from './helpers.ts';

const row: ClaimRow = { id: 'Q146791-S1', article: 'Q146791', section: 'SYMPTOMS', versions: ['4.0'], releases: ['4.0 SP0'], runs: 10, steps: 80, coverage: 4, verdict: 'holds', violations: [], errors: [] };

describe('--explore-budget', () => {
  it('is off by default, and takes seconds', () => {
    expect(parseCampaignArgs([]).exploreBudget).toBe(0);
    expect(parseCampaignArgs(['--explore-budget', '2.5']).exploreBudget).toBe(2.5);
    expect(() => parseCampaignArgs(['--explore-budget', 'soon'])).toThrow(UsageError);
    expect(() => parseCampaignArgs(['--explore-budget', 'soon'])).toThrow(/--explore-budget: "soon" is not a number of seconds/);
  });

  it('adds a column only when there was exploration', () => {
    expect(verdictTable([row])).not.toContain('Explored');
    const t = verdictTable([{ ...row, exploredDepth: 3 }, { ...row, id: 'Q146791-S2', exploredDepth: null }]);
    expect(t.split('\n')[0]).toMatch(/Coverage\s+Explored\s+Verdict/);
    expect(t).toMatch(/Q146791-S1 .* depth 3\s+holds/);
    expect(t).toMatch(/Q146791-S2 .* -\s+holds/);
  });

  it('explores each claim of the campaign on its releases, and fails the run on what it finds', async () => {
    const scenarios = scratchDir();
    const spec = { seed: 1, runs: 5, articles: [], claims: ['Q293288-R3'], versions: [], matrix: false, matrixScope: 'articles' as const, variant: 'store-without-the-fix' };
    const campaign = await runCampaign({ ...spec, shard: null, workers: 0, budget: null, scenarios, progress: null });
    // The claim's own row (the laws' rows are explored the same way); a depth, so that the result does not depend on the machine's speed.
    const report: Report = await addExploration({ ...campaign, invariants: [] }, { budget: 600, depth: 3, workers: 0, scenarios, progress: null });
    const r3 = report.claims.find((r) => r.id === 'Q293288-R3')!;
    const tasks = report.exploration!.tasks.filter((t) => t.claim === 'Q293288-R3');
    expect(tasks.map((t) => t.release)).toEqual(r3.releases);
    expect(r3.exploredDepth).toBe(Math.min(...tasks.map((t) => t.verifiedDepth)));
    const found = tasks.find((t) => t.counterexample)!.counterexample!;
    expect(found).toMatchObject({ claim: 'Q293288-R3' });
    expect(r3.exploredDepth).toBeLessThan(found.depth);
    expect(exitCode(report)).toBe(1);
  }, 120_000);
});
