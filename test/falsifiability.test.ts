// Every property is shown failing on a model that breaks the claim it checks. A property no
// variant can fail would be a test that cannot fail.

import { describe, expect, it } from 'vitest';
import { checkProperty, type CheckResult } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { withReadings } from '../src/model/interpretations.ts';
import { PROPERTIES, property } from '../properties/index.ts';
import { VARIANTS } from '../properties/variants/index.ts';

const SEED = Number(process.env.IMS_SEED ?? 20261121);
const RUNS = 300;

describe(`falsifiability (seed ${SEED})`, () => {
  it('has a variant for every property (pending ones excepted), and its variants name only real properties', () => {
    // A pending property is a scaffold; once `pending` is removed it needs a variant here.
    for (const p of PROPERTIES.filter((x) => !x.pending)) expect(VARIANTS.filter((v) => v.breaks.includes(p.name)).map((v) => v.name), p.name).not.toEqual([]);
    for (const v of VARIANTS) for (const name of v.breaks) expect(() => property(name), v.name).not.toThrow();
    expect(new Set(VARIANTS.map((v) => v.name)).size).toBe(VARIANTS.length);
  });

  for (const v of VARIANTS) {
    describe(`${v.name}: ${v.description}`, () => {
      for (const name of v.breaks) {
        it(`makes "${name}" fail`, () => {
          const p = property(name);
          const readings = withReadings(v.readings ?? {});
          let failed: CheckResult | undefined;
          for (const release of releasesOf(p.claims)) {
            const result = checkProperty(p, { release, readings, variant: v.parts ? { parts: v.parts } : {}, seed: SEED, numRuns: RUNS });
            if (result.failure) {
              failed = result;
              break;
            }
          }
          expect(failed, `${v.name} did not make ${name} fail in ${RUNS} runs on any release`).toBeDefined();
          expect(p.claims).toContain(failed!.failure!.verdict.claim);
        });
      }
    });
  }
});
