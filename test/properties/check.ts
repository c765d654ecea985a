// Every property, on the releases of one version its claims apply to (a test file per version,
// so that the two workers share the work), against the model under the default
// readings, every history judged by the laws too. The seed is pinned (and printed) so a failure
// here replays exactly: the failure message gives the one command that reruns it. A failure is
// also written down, reduced, to be replayed first on every later run (with a loud notice; see
// test/env.ts for IMS_SCENARIOS, and the other variables). Pending properties (an article being
// added) are listed as to-do, not run.

import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Version } from '../../src/model/release.ts';
import { checkProperty } from '../../src/harness/check.ts';
import { releasesOf } from '../../src/harness/claims.ts';
import { DEFAULT_INTERPRETATIONS } from '../../src/model/interpretations.ts';
import { releaseName } from '../../src/model/release.ts';
import { keepFailure } from '../../src/scenario/fromFailure.ts';
import { LAWS, PROPERTIES } from '../../properties/index.ts';
import { EnvError, rerunCommand, savedNotice, testEnv } from '../env.ts';

const ENV = testEnv();
if (ENV.only && !PROPERTIES.some((p) => p.name === ENV.only!.property && releasesOf(p.claims).some((r) => releaseName(r) === ENV.only!.release))) {
  throw new EnvError(`IMS_ONLY: no property "${ENV.only.property}" checked on ${ENV.only.release}`);
}

/** The checks of every property on the releases of `version`. */
export function checkVersion(version: Version): void {
  describe(`properties on ${version} (seed ${ENV.seed}, ${ENV.runs} runs)`, () => {
    for (const p of PROPERTIES) {
      const releases = releasesOf(p.claims).filter((r) => r.version === version);
      if (releases.length === 0) continue;
      describe(p.name, () => {
        if (p.pending) {
          it.todo(`pending: ${p.checks}`);
          return;
        }
        for (const release of releases) {
          const chosen = !ENV.only || (ENV.only.property === p.name && ENV.only.release === releaseName(release));
          it.skipIf(!chosen)(`holds on ${releaseName(release)}`, () => {
            // Every history is judged by the laws too (the invariants and liveness), whatever it was made for.
            const result = checkProperty(p, { release, seed: ENV.seed, numRuns: ENV.runs, laws: LAWS, ...(ENV.path ? { path: ENV.path } : {}) });
            const f = result.failure;
            if (f) {
              let saved = 'not saved: IMS_SCENARIOS=none';
              if (ENV.scenarios !== null) {
                try {
                  const path = keepFailure(ENV.scenarios, { property: p, release, readings: DEFAULT_INTERPRETATIONS, failure: f, found: new Date(), laws: LAWS });
                  console.warn(savedNotice(relative(process.cwd(), path)));
                  saved = `saved as ${path}; replay it with: npm run replay -- ${relative(process.cwd(), path)}`;
                } catch (e) {
                  saved = `not saved: ${(e as Error).message}`;
                }
              }
              const rerun = rerunCommand(p.name, releaseName(release), f.seed, f.path);
              expect.fail(`${f.verdict.claim} violated at step ${f.verdict.step}: ${f.verdict.explanation}\n${saved}\nrerun exactly this check: ${rerun}\nscenario: ${JSON.stringify(f.ops)}`);
            }
            // A property whose trigger never came up has not been checked.
            expect(result.reached, 'runs that reached the claim\'s trigger').toBeGreaterThan(0);
          });
        }
      });
    }
  });
}
