// The canaries: degenerate models (refuses every call, accepts and discards, never starts, a
// store that never moves anything) that the suite must reject. Each names properties that
// must fail on it; each must, with a violation of one of its own claims.

import { describe, expect, it } from 'vitest';
import { checkProperty, type CheckResult } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { property } from '../properties/index.ts';
import { CANARIES } from '../properties/variants/canaries.ts';

const SEED = Number(process.env.IMS_SEED ?? 20261121);
const RUNS = 100;

describe(`canaries (seed ${SEED})`, () => {
  for (const canary of CANARIES) {
    describe(`${canary.name}: ${canary.description}`, () => {
      for (const name of canary.breaks) {
        it(`is rejected by "${name}"`, () => {
          const p = property(name);
          let failed: CheckResult | undefined;
          for (const release of releasesOf(p.claims)) {
            failed = checkProperty(p, { release, seed: SEED, numRuns: RUNS, variant: { parts: canary.parts! } });
            if (failed.failure) break;
          }
          expect(failed?.failure, `${name} passed the canary ${canary.name}`).toBeDefined();
          expect(p.claims).toContain(failed!.failure!.verdict.claim);
        });
      }
    });
  }
});
