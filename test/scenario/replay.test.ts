// Replaying judges a scenario as its file says: the properties' verdicts and every step's
// expectations, with each mismatch named by step, field, expected and observed. A failure
// written down by a property run (on a variant here) replays as the break it documents.

import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../src/harness/check.ts';
import { checked, releasesOf } from '../../src/harness/claims.ts';
import { withReadings } from '../../src/model/interpretations.ts';
import { keepFailure } from '../../src/scenario/fromFailure.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { mismatchText, replay } from '../../src/scenario/replay.ts';
import { LAWS, property } from '../../properties/index.ts';
import { VARIANTS } from '../../properties/variants/index.ts';
import { put, sample, scratch } from './helpers.ts';

const dir = scratch('replay');

describe('replaying a scenario', () => {
  it('behaves as the file says when the verdicts and expectations match', () => {
    const r = replay(loadScenario(put(dir, 'good.json', sample())));
    expect(r.verdict.mismatches).toEqual([]);
    expect(r.verdict.behaves).toBe(true);
    // The file's own property, then every law (each judges every replayed history).
    expect(r.verdict.judgements.map((j) => [j.met, j.law?.required])).toEqual([[true, undefined], ...LAWS.map(() => [true, true])]);
    expect(r.verdict.checks[1]!.map((c) => c.field)).toEqual(['accepted', 'events']);
  });

  it('names each expectation that does not match: step, field, expected, observed', () => {
    const s = sample();
    const steps = [...s.steps];
    steps[1] = { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none', expect: { accepted: true, reply: '250 OK', services: { MSExchangeIMC: 'Stopped' }, spool: { in: false } } };
    const r = replay(loadScenario(put(dir, 'wrong.json', { ...s, steps })));
    expect(r.verdict.behaves).toBe(false);
    expect(r.verdict.mismatches).toEqual([
      { step: 1, field: 'reply', expected: '250 OK', observed: '421 Internal Error. Connection Closing.' },
      { step: 1, field: 'accepted', expected: true, observed: false },
      { step: 1, field: 'services.MSExchangeIMC', expected: 'Stopped', observed: 'Running' },
    ]);
    expect(mismatchText(r.verdict.mismatches[0]!)).toBe('steps[1] reply: expected "250 OK", observed "421 Internal Error. Connection Closing."');
  });

  it('names a property whose verdict is not the one the file says', () => {
    const r = replay(loadScenario(put(dir, 'claims-break.json', { ...sample(), judge: { properties: ['Q146791-S2 missing in refuses inbound mail'], verdict: 'violated', claim: 'Q146791-S2' } })));
    expect(r.verdict.behaves).toBe(false);
    expect(r.verdict.mismatches).toEqual([{ step: null, field: 'judge: Q146791-S2 missing in refuses inbound mail', expected: 'violated Q146791-S2', observed: 'holds' }]);
  });

  it('replays a failure found on a variant as the break it documents', () => {
    const variant = VARIANTS.find((v) => v.name === 'spool-mends-in')!;
    const p = property('Q146791-S2 missing in refuses inbound mail');
    const release = releasesOf(p.claims)[0]!;
    const readings = withReadings(variant.readings ?? {});
    const result = checkProperty(p, { release, readings, variant: { parts: variant.parts! }, seed: 7, numRuns: 200 });
    expect(result.failure).toBeDefined();
    const path = keepFailure(dir, { property: p, release, readings, failure: result.failure!, found: new Date(0), variant: { name: variant.name, parts: variant.parts! } });
    expect(path).toMatch(/Q146791-S2-4\.0-SP0-spool-mends-in\.json$/);
    const loaded = loadScenario(path);
    expect(loaded.variant?.name).toBe('spool-mends-in');
    const r = replay(loaded);
    expect(r.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(r.verdict.judgements[0]).toMatchObject({ expected: 'violated', claim: 'Q146791-S2', met: true });
  });

  it('replays a law\'s failure found in another property\'s history on a release outside the law\'s own list', () => {
    // A law judges every history; its own random histories run on fewer releases (5.5 SP3 is not among INV-2's).
    const variant = VARIANTS.find((v) => v.name === 'services-skip-start-pending')!;
    const p = property('Q293288-S1 the IMS stops processing and hangs');
    const release = releasesOf(p.claims).find((r) => r.servicePack === 3)!;
    expect(checked('INV-2').releases).not.toContain('5.5 SP3');
    const readings = withReadings(variant.readings ?? {});
    const result = checkProperty(p, { release, readings, laws: LAWS, variant: { parts: variant.parts! }, seed: 7, numRuns: 50 });
    expect(result.failure?.verdict.claim).toBe('INV-2');
    const path = keepFailure(dir, { property: p, release, readings, failure: result.failure!, found: new Date(0), variant: { name: variant.name, parts: variant.parts! }, laws: LAWS });
    expect(path).toMatch(/INV-2-5\.5-SP3-services-skip-start-pending\.json$/);
    const r = replay(loadScenario(path));
    expect(r.verdict.mismatches.map(mismatchText)).toEqual([]);
    expect(r.verdict.judgements[0]).toMatchObject({ expected: 'violated', claim: 'INV-2', met: true });
  });

  it('says "not reached", never "holds", for a property whose trigger the history never reaches', () => {
    const r = replay(loadScenario(put(dir, 'no-steps.json', { ...sample(), steps: [] })));
    expect(r.verdict.behaves).toBe(false);
    const [own, ...laws] = r.verdict.judgements;
    expect(own).toMatchObject({ property: 'Q146791-S2 missing in refuses inbound mail', expected: 'holds', verdict: { holds: true }, reached: false, outcome: 'not reached', met: false });
    expect(r.verdict.mismatches.map(mismatchText)).toEqual(['judge: Q146791-S2 missing in refuses inbound mail: expected holds, observed not reached (its trigger never happens in this history: nothing was put to the test)']);
    // Laws are judged on every history; one not reached is shown so, and not required.
    expect(laws.map((j) => [j.outcome, j.met])).toEqual(LAWS.map(() => ['not reached', true]));
  });

  it('says "holds" only where the trigger was reached, and reports each law\'s own reach', () => {
    const r = replay(loadScenario(put(dir, 'reached.json', sample())));
    expect(r.verdict.judgements[0]).toMatchObject({ reached: true, outcome: 'holds', met: true });
    for (const [i, law] of LAWS.entries()) expect(r.verdict.judgements[i + 1]!.reached, law.name).toBe(law.reached(r.history));
  });
});
