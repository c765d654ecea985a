// The campaign page without a browser: a counterexample the page cannot replay (its file gone)
// is said so, with the path escaped, rather than breaking the page; a campaign without
// counterexamples or matrix says that.

import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import type { Report } from '../../src/campaign/report.ts';
import { campaignPage, counterexamplesOf } from '../../src/report/campaignPage.ts';
import { options } from '../campaign/helpers.ts';

describe('the campaign page', () => {
  it('says when a counterexample cannot be replayed, and when there is none or no matrix', async () => {
    const report = await runCampaign(options({ articles: ['Q246115'], runs: 3, matrix: false }));
    const clean = campaignPage(report);
    expect(clean).toContain('This campaign saved no counterexample.');
    expect(clean).toContain('No interpretation matrix in this campaign');
    const path = '.tmp/nowhere/<x> & "y".json';
    const violation = { claim: 'Q246115-S1', step: 0, explanation: 'lost <mail>', seed: 1, path: '0', shrunkSteps: 1, steps: 1, scenario: path };
    const broken: Report = { ...report, tasks: [{ ...report.tasks[0]!, violation }, ...report.tasks.slice(1)] };
    expect(counterexamplesOf(broken).map((c) => [c.n, c.anchor, c.path])).toEqual([[1, 'cx-1', path]]);
    const page = campaignPage(broken);
    expect(page).toContain('The counterexample <code>.tmp/nowhere/&lt;x&gt; &amp; &quot;y&quot;.json</code> could not be replayed: <span class="pre">.tmp/nowhere/&lt;x&gt; &amp; &quot;y&quot;.json: no such file</span>');
    expect(page).not.toContain('<x>');
  }, 60_000);
});
