// Shards partition the task list without changing any task's seed, and merging their reports
// gives the unsharded report, byte for byte apart from timings.

import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { MergeError, mergeReports } from '../../src/campaign/merge.ts';
import { planCampaign, shardOf } from '../../src/campaign/plan.ts';
import { serialise, withoutTimings, type Report } from '../../src/campaign/report.ts';
import { options } from './helpers.ts';

const text = (r: Report) => serialise(withoutTimings(r) as Report);

describe('shards', () => {
  const spec = options({ matrix: true });
  const all = planCampaign(spec);

  it('partition the task list, and filters or shards never change a task seed', () => {
    const parts = [1, 2, 3].map((index) => shardOf(all, { index, count: 3 }));
    expect(parts.flat().map((t) => t.id).sort()).toEqual(all.map((t) => t.id).sort());
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const filtered = planCampaign({ ...spec, articles: ['Q168139'], versions: ['5.0 SP1'] });
    expect(filtered.length).toBeGreaterThan(0);
    for (const t of filtered) expect(t.seed).toBe(all.find((u) => u.id === t.id)!.seed);
  });

  it('merge back into the unsharded report', async () => {
    const o = options({ claims: ['Q168139-C1', 'Q168139-S2'], matrix: true, runs: 30 });
    const whole = await runCampaign(o);
    const shards = await Promise.all([1, 2, 3].map((index) => runCampaign({ ...o, shard: { index, count: 3 } })));
    expect(shards.map((s) => s.campaign.shard)).toEqual(['1/3', '2/3', '3/3']);
    expect(whole.summary.matrixBreaks).toBeGreaterThan(0);
    expect(text(mergeReports([shards[2]!, shards[0]!, shards[1]!]))).toBe(text(whole));
    expect(() => mergeReports([shards[0]!, shards[2]!])).toThrow(new MergeError('missing shard 2/3'));
    expect(() => mergeReports([shards[0]!, shards[0]!, shards[1]!])).toThrow(/given twice/);
    expect(() => mergeReports([whole, shards[0]!])).toThrow(MergeError);
  });
});
