// Worker processes (TypeScript loaded through tsx in each) give the report one thread gives,
// byte for byte apart from timings; a worker that dies is reported, not waited for.

import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { Child } from '../../src/campaign/child.ts';
import { serialise, withoutTimings, type Report } from '../../src/campaign/report.ts';
import { options, scratch } from './helpers.ts';

describe('worker processes', () => {
  it('give the same report as the main thread', async () => {
    const o = options({ articles: ['Q183178'], versions: ['5.5'], runs: 10, matrix: true, scenarios: scratch() });
    const single = await runCampaign(o);
    const pooled = await runCampaign({ ...o, workers: 2 });
    expect(pooled.timings.workers).toBe(2);
    expect(single.summary.tasks).toBeGreaterThan(2);
    expect(single.summary.matrixBreaks).toBeGreaterThan(0);
    expect(serialise(withoutTimings(pooled) as Report)).toBe(serialise(withoutTimings(single) as Report));
  });

  it('report a worker that ends before it is stopped, once listened for, even late', async () => {
    const child = new Child(new URL('./fixtures/exits.ts', import.meta.url));
    const first = await new Promise<Error>((resolve) => child.onFailure(resolve));
    expect(first.message).toMatch(/a pool process \(.*exits\.ts\) ended with code 3/);
    const late = await new Promise<Error>((resolve) => child.onFailure(resolve));
    expect(late).toBe(first);
    await child.stop();
  });

  it('answer the messages they are sent, and stop without a failure', async () => {
    const child = new Child(new URL('./fixtures/echo.ts', import.meta.url));
    let failed: Error | undefined;
    child.onFailure((e) => (failed = e));
    const answer = await new Promise<unknown>((resolve) => {
      child.onMessage(resolve);
      child.post({ bytes: new Uint8Array([1, 2, 3]), map: new Map([['a', 1]]) });
    });
    expect(answer).toEqual({ echo: { bytes: new Uint8Array([1, 2, 3]), map: new Map([['a', 1]]) } });
    await child.stop();
    expect(failed).toBeUndefined();
  });
});
