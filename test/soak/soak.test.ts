// The soak: every law judges each long history; the same seed gives the same runs; a model that
// breaks a law is caught, and the failure is reduced to a few steps and saved as a scenario that
// replays to the same violation on the same model.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeHistory } from '../../src/harness/check.ts';
import { run } from '../../src/harness/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { soak, soakReadings, soakReleases } from '../../src/soak/soak.ts';
import { LAWS } from '../../properties/index.ts';
import { CANARIES } from '../../properties/variants/canaries.ts';

const dir = mkdtempSync(join(tmpdir(), 'soak-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { seed: 7, budget: null, versions: [], readings: 'defaults' as const, scenarios: null, laws: LAWS };

describe('npm run soak', () => {
  it('runs the steps asked for, over the releases in turn, and every law holds on the faithful model', () => {
    const r = soak({ ...base, steps: 1200, length: 300 });
    expect(r).toMatchObject({ runs: 4, steps: 1200, failures: [] });
    expect(soakReleases([]).length).toBeGreaterThan(4);
  });

  it('is determined by its seed', () => {
    const a = soak({ ...base, seed: 3, steps: 600, length: 200, variant: CANARIES.find((c) => c.name === 'accepts-and-discards')! });
    const b = soak({ ...base, seed: 3, steps: 600, length: 200, variant: CANARIES.find((c) => c.name === 'accepts-and-discards')! });
    expect(a.failures.map(({ saved: _, ...f }) => f)).toEqual(b.failures.map(({ saved: _, ...f }) => f));
    expect(a.failures.length).toBeGreaterThan(0);
  });

  it('offers every non-default reading in turn with --readings all', () => {
    const all = soakReadings('all');
    expect(all[0]!.name).toBe('defaults');
    expect(all.length).toBeGreaterThan(2);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
  });

  it('catches a server that acknowledges mail and throws it away, and saves a short scenario that shows it', () => {
    const canary = CANARIES.find((c) => c.name === 'accepts-and-discards')!;
    const r = soak({ ...base, steps: 1000, length: 500, scenarios: dir, variant: canary });
    expect(r.failures.length).toBeGreaterThan(0);
    const f = r.failures[0]!;
    expect(f.claim).toBe('INV-1');
    expect(f.saved).not.toBeNull();
    expect(readdirSync(dir)).toContain(f.saved!.slice(dir.length + 1));
    const file = loadScenario(f.saved!);
    // Reduced from hundreds of steps to the few that matter: a call that is acknowledged, and time.
    expect(file.ops.length).toBeLessThan(10);
    expect(file.variant?.name).toBe(canary.name);
    const verdict = judgeHistory(LAWS, run({ release: file.release, readings: file.readings, ops: file.ops }, canary)).verdict;
    expect(verdict).toMatchObject({ holds: false, claim: 'INV-1' });
    // On the faithful model the same steps lose nothing.
    expect(judgeHistory(LAWS, run({ release: file.release, readings: file.readings, ops: file.ops })).verdict.holds).toBe(true);
  });
});
