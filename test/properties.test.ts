// Every property, on every release its claims apply to, against the model under the default
// readings. The seed is pinned (and printed) so a failure here replays exactly; a failure is
// also written down under scenarios/, reduced, to be replayed first on every later run.
// Pending properties (an article being added) are listed as to-do, not run.
//
// IMS_SCENARIOS says where a failure is written down: unset, under scenarios/ as always; a
// directory, there instead; `none`, nowhere: the failure is neither reduced nor saved, the test
// just fails (npm run mutate sets it, as a mutant's failure is the point, not a defect to keep).

import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { DEFAULT_INTERPRETATIONS } from '../src/model/interpretations.ts';
import { releaseName } from '../src/model/release.ts';
import { keepFailure } from '../src/scenario/fromFailure.ts';
import { PROPERTIES } from '../properties/index.ts';

const SEED = Number(process.env.IMS_SEED ?? 20261121);
const RUNS = Number(process.env.IMS_RUNS ?? 100);
const SCENARIOS_ENV = process.env.IMS_SCENARIOS;
const SCENARIOS = SCENARIOS_ENV === 'none' ? null : SCENARIOS_ENV ? resolve(SCENARIOS_ENV) : fileURLToPath(new URL('../scenarios', import.meta.url));

describe(`properties (seed ${SEED}, ${RUNS} runs)`, () => {
  for (const p of PROPERTIES) {
    describe(p.name, () => {
      if (p.pending) {
        it.todo(`pending: ${p.checks}`);
        return;
      }
      for (const release of releasesOf(p.claims)) {
        it(`holds on ${releaseName(release)}`, () => {
          const result = checkProperty(p, { release, seed: SEED, numRuns: RUNS });
          const f = result.failure;
          if (f) {
            let saved = 'not saved: IMS_SCENARIOS=none';
            if (SCENARIOS !== null) {
              try {
                const path = keepFailure(SCENARIOS, { property: p, release, readings: DEFAULT_INTERPRETATIONS, failure: f, found: new Date() });
                saved = `saved as ${path}; replay it with: npm run replay -- ${relative(process.cwd(), path)}`;
              } catch (e) {
                saved = `not saved: ${(e as Error).message}`;
              }
            }
            expect.fail(`${f.verdict.explanation}\n${saved}\nscenario: ${JSON.stringify(f.ops)}\nseed ${f.seed}, path ${f.path}`);
          }
          // A property whose trigger never came up has not been checked.
          expect(result.reached, 'runs that reached the claim\'s trigger').toBeGreaterThan(0);
        });
      }
    });
  }
});
