// Every property, on every release its claims apply to, against the model under the default
// readings. The seed is pinned (and printed) so a failure here replays exactly.

import { describe, expect, it } from 'vitest';
import { checkProperty } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { releaseName } from '../src/model/release.ts';
import { PROPERTIES } from '../properties/index.ts';

const SEED = Number(process.env.IMS_SEED ?? 20261121);
const RUNS = Number(process.env.IMS_RUNS ?? 100);

describe(`properties (seed ${SEED}, ${RUNS} runs)`, () => {
  for (const p of PROPERTIES) {
    describe(p.name, () => {
      for (const release of releasesOf(p.claims)) {
        it(`holds on ${releaseName(release)}`, () => {
          const result = checkProperty(p, { release, seed: SEED, numRuns: RUNS });
          const f = result.failure;
          expect(f, f && `${f.verdict.explanation}\nscenario: ${JSON.stringify(f.ops)}\nseed ${f.seed}, path ${f.path}`).toBeUndefined();
          // A property whose trigger never came up has not been checked.
          expect(result.reached, 'runs that reached the claim\'s trigger').toBeGreaterThan(0);
        });
      }
    });
  }
});
