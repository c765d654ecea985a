// Every property, on every release its claims apply to, against the model under the default
// readings. The seed is pinned (and printed) so a failure here replays exactly; a failure is
// also written down under scenarios/, reduced, to be replayed first on every later run.
// Pending properties (an article being added) are listed as to-do, not run.

import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../src/harness/check.ts';
import { releasesOf } from '../src/harness/claims.ts';
import { DEFAULT_INTERPRETATIONS } from '../src/model/interpretations.ts';
import { releaseName } from '../src/model/release.ts';
import { keepFailure } from '../src/scenario/fromFailure.ts';
import { LAWS, PROPERTIES } from '../properties/index.ts';

const SEED = Number(process.env.IMS_SEED ?? 20261121);
const RUNS = Number(process.env.IMS_RUNS ?? 100);
const SCENARIOS = fileURLToPath(new URL('../scenarios', import.meta.url));

describe(`properties (seed ${SEED}, ${RUNS} runs)`, () => {
  for (const p of PROPERTIES) {
    describe(p.name, () => {
      if (p.pending) {
        it.todo(`pending: ${p.checks}`);
        return;
      }
      for (const release of releasesOf(p.claims)) {
        it(`holds on ${releaseName(release)}`, () => {
          // Every history is judged by the laws too (the invariants and liveness), whatever it was made for.
          const result = checkProperty(p, { release, seed: SEED, numRuns: RUNS, laws: LAWS });
          const f = result.failure;
          if (f) {
            let saved: string;
            try {
              const path = keepFailure(SCENARIOS, { property: p, release, readings: DEFAULT_INTERPRETATIONS, failure: f, found: new Date(), laws: LAWS });
              saved = `saved as ${path}; replay it with: npm run replay -- ${relative(process.cwd(), path)}`;
            } catch (e) {
              saved = `not saved: ${(e as Error).message}`;
            }
            expect.fail(`${f.verdict.claim} violated at step ${f.verdict.step}: ${f.verdict.explanation}\n${saved}\nscenario: ${JSON.stringify(f.ops)}\nseed ${f.seed}, path ${f.path}`);
          }
          // A property whose trigger never came up has not been checked.
          expect(result.reached, 'runs that reached the claim\'s trigger').toBeGreaterThan(0);
        });
      }
    });
  }
});
