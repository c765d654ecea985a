// The interpretation matrix: an alternative known to break a claim, one known to break none,
// and one that leaves a claim's trigger out of reach.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { BREAKS_NONE } from '../../src/campaign/matrix.ts';
import { render } from '../../src/campaign/render.ts';
import { exitCode } from '../../src/campaign/report.ts';
import { options } from './helpers.ts';

describe('interpretation matrix', () => {
  it('shows rewindTrigger = bad-mime-alone breaking Q168139-C1, and lowDiskAtStart = does-not-start breaking none', async () => {
    const report = await runCampaign(options({ claims: ['Q168139-C1', 'Q146791-R1'], runs: 30, matrix: true }));
    const row = (i: string, a: string) => report.matrix.find((m) => m.interpretation === i && m.alternative === a)!;
    const bad = row('rewindTrigger', 'bad-mime-alone');
    expect(bad.breaks.map((b) => [b.claim, b.release])).toEqual([['Q168139-C1', '5.0 SP0']]);
    const file = JSON.parse(readFileSync(bad.breaks[0]!.scenario, 'utf8'));
    expect(file.judge).toMatchObject({ verdict: 'violated', claim: 'Q168139-C1' });
    expect(file.interpretations.rewindTrigger).toBe('bad-mime-alone');
    expect(row('lowDiskAtStart', 'does-not-start').breaks).toEqual([]);
    const text = render(report, null);
    expect(text).toContain(`does-not-start  ${BREAKS_NONE}`);
    expect(text).toMatch(/bad-mime-alone {2}breaks Q168139-C1 on 5\.0 SP0 {2}\S+rewindTrigger-bad-mime-alone\.json/);
    // Breaks under alternative readings are expected: the defaults hold, the run passes.
    expect(report.claims.every((c) => c.verdict === 'holds')).toBe(true);
    expect(exitCode(report)).toBe(0);
  });

  it('tells an alternative that leaves a claim unreached from one that breaks none', async () => {
    const report = await runCampaign(options({ claims: ['Q183178-S2'], versions: ['5.5'], runs: 30, matrix: true }));
    const never = report.matrix.find((m) => m.interpretation === 'autoStartInaccessible' && m.alternative === 'never')!;
    expect(never.breaks).toEqual([]);
    expect(never.unreached).toEqual(['Q183178-S2', 'Q183178-W1']);
    expect(render(report, null)).toMatch(/never {2}breaks none, but leaves unreached {2}Q183178-S2, Q183178-W1/);
  });
});
