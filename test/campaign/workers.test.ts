// Worker threads (TypeScript loaded through tsx in each worker) give the report one thread
// gives, byte for byte apart from timings.

import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { serialise, withoutTimings, type Report } from '../../src/campaign/report.ts';
import { options, scratch } from './helpers.ts';

describe('worker threads', () => {
  it('give the same report as the main thread', async () => {
    const o = options({ articles: ['Q183178'], versions: ['5.5'], runs: 10, matrix: true, scenarios: scratch() });
    const single = await runCampaign(o);
    const threaded = await runCampaign({ ...o, workers: 2 });
    expect(threaded.timings.workers).toBe(2);
    expect(single.summary.tasks).toBeGreaterThan(2);
    expect(single.summary.matrixBreaks).toBeGreaterThan(0);
    expect(serialise(withoutTimings(threaded) as Report)).toBe(serialise(withoutTimings(single) as Report));
  });
});
