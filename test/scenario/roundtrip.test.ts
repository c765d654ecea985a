// Any scenario the generators can make, saved and loaded again, gives the same steps,
// release and readings: the format round-trips (notes and expectations included).

import { unlinkSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ops } from '../../src/faults/arbitraries.ts';
import { INTERPRETATION_IDS, alternativesOf, type Interpretations } from '../../src/model/interpretations.ts';
import { RELEASES, releaseName } from '../../src/model/release.ts';
import { FORMAT, type ScenarioFile, type ScenarioStep, type StepExpectation } from '../../src/scenario/format.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { saveScenario } from '../../src/scenario/save.ts';
import { scratch } from './helpers.ts';

const dir = scratch('roundtrip');

const readings = fc.record(Object.fromEntries(INTERPRETATION_IDS.map((id) => [id, fc.constantFrom(...alternativesOf(id))]))) as unknown as fc.Arbitrary<Interpretations>;

const expectation: fc.Arbitrary<StepExpectation> = fc.record(
  {
    ok: fc.boolean(),
    reply: fc.string(),
    events: fc.array(fc.constantFrom(4055, 4070, 4071, 4131, 2140, 100)),
    services: fc.dictionary(fc.constantFrom('MSExchangeIMC', 'MSExchangeIS'), fc.constantFrom('Stopped' as const, 'Running' as const)),
    waiting: fc.record({ 'MTS-OUT': fc.nat(5) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const scenario = fc.constantFrom(...RELEASES).chain((release) =>
  fc.record({
    release: fc.constant(release),
    readings,
    steps: ops(release, { maxLength: 12, size: 'max' }).chain((list) =>
      fc.tuple(...list.map((op) => fc.record({ note: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }), expect: fc.option(expectation, { nil: undefined }) }).map(({ note, expect }): ScenarioStep => ({ ...op, ...(note === undefined ? {} : { note }), ...(expect === undefined ? {} : { expect }) })))),
    ),
  }),
);

describe('scenario files', () => {
  it('round-trip: saved then loaded, any generated scenario gives the same steps, release and readings', () => {
    fc.assert(
      fc.property(scenario, ({ release, readings: r, steps }) => {
        const file: ScenarioFile = {
          $schema: './scenario.schema.json', format: FORMAT, title: 'round trip', version: release.version, servicePack: release.servicePack, release: releaseName(release),
          interpretations: { ...r }, judge: { properties: [], verdict: 'holds' }, origin: { kind: 'story', article: 'Q231737' }, steps,
        };
        const path = saveScenario(dir, file, 'round-trip');
        try {
          const loaded = loadScenario(path);
          expect(loaded.release).toEqual(release);
          expect(loaded.readings).toEqual(r);
          expect(loaded.ops).toEqual(steps.map(({ note: _n, expect: _e, ...op }) => op));
          expect(loaded.expectations).toEqual(steps.map((s) => s.expect));
          expect(loaded.file).toEqual(file);
        } finally {
          unlinkSync(path);
        }
      }),
      { seed: 20261121, numRuns: 60 },
    );
  });
});
