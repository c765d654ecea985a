// The same operations on the same release give the same history, byte for byte.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ops } from '../src/faults/arbitraries.ts';
import { run } from '../src/harness/run.ts';
import { RELEASES, releaseName } from '../src/model/release.ts';

describe('determinism', () => {
  for (const release of RELEASES) {
    it(`replays any scenario identically on ${releaseName(release)}`, () => {
      fc.assert(
        fc.property(ops(release, { minLength: 1, maxLength: 30, size: 'max' }), (scenario) => {
          const first = JSON.stringify(run({ release, ops: scenario }));
          const second = JSON.stringify(run({ release, ops: scenario }));
          expect(second).toBe(first);
        }),
        { seed: 7, numRuns: 40 },
      );
    });
  }

  it('gives different histories to different scenarios (the check above can fail)', () => {
    const release = RELEASES[0]!;
    const a = JSON.stringify(run({ release, ops: [{ op: 'time.pass', seconds: 10 }] }));
    const b = JSON.stringify(run({ release, ops: [{ op: 'time.pass', seconds: 11 }] }));
    expect(a).not.toBe(b);
  });
});
