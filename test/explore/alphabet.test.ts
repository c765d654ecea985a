// The abstract alphabet: every operation declares the classes of its arguments in the
// catalogue, each with a representative that is a valid operation of that class; letters are
// few; a claim's alphabet is what its property's scenarios produce, the same every time.

import { describe, expect, it } from 'vitest';
import { OPERATIONS, OP_NAMES } from '../../src/faults/catalogue.ts';
import { fullAlphabet, letterOf, restrict, scenarioAlphabet } from '../../src/explore/alphabet.ts';
import { DEFAULT_INTERPRETATIONS } from '../../src/model/interpretations.ts';
import { RELEASES, parseRelease, releaseName } from '../../src/model/release.ts';
import { scenarioStep } from '../../src/scenario/format.ts';
import { property } from '../../properties/index.ts';

describe('argument classes in the catalogue', () => {
  it('every operation with arguments declares its classes', () => {
    const missing = OP_NAMES.filter((n) => Object.keys(OPERATIONS[n].args).length > 0 && !OPERATIONS[n].classes);
    expect(missing).toEqual([]);
  });

  it.each(RELEASES.map(releaseName))('on %s every letter is a valid operation of its own class, named once', (name) => {
    const release = parseRelease(name)!;
    const letters = fullAlphabet(release);
    expect(new Set(letters.map((l) => l.name)).size).toBe(letters.length);
    for (const l of letters) {
      expect(scenarioStep.safeParse(l.op).success, l.name).toBe(true);
      expect(letterOf(l.op, release), l.name).toBe(l.name);
    }
    // A few dozen letters: the largest alphabet is 5.5's.
    expect(letters.length).toBeLessThanOrEqual(58);
  });

  it('classifies any operation: a class of the alphabet, or none (left out)', () => {
    const r = parseRelease('5.0 SP0')!;
    expect(letterOf({ op: 'disk.fill', freeBytes: 9 * 1024 * 1024 }, r)).toBe('disk.fill:below-reserve');
    expect(letterOf({ op: 'disk.fill', freeBytes: 100 * 1024 * 1024 }, r)).toBe('disk.fill:above-reserve');
    expect(letterOf({ op: 'smtp.deliver', to: 'Bob', mime: 'missing-boundary', tnef: 'truncated' }, r)).toBe('smtp.deliver:bad-mime+bad-tnef');
    expect(letterOf({ op: 'smtp.deliver', to: 'Partner', mime: 'good', tnef: 'none' }, r)).toBe('smtp.deliver:to-no-mailbox');
    expect(letterOf({ op: 'time.pass', seconds: 30 }, r)).toBe('time.pass:minute');
    expect(letterOf({ op: 'heal' }, r)).toBe('heal');
    // Left out: a service no article needs, a group no article names, a service pack setup refuses.
    expect(letterOf({ op: 'service.stop', service: 'MSExchangeMTA' }, r)).toBeUndefined();
    expect(letterOf({ op: 'acl.set', dir: 'in', group: 'Administrators', permission: 'Read', subdirectories: false }, r)).toBeUndefined();
    expect(letterOf({ op: 'servicePack.apply', servicePack: 5 }, r)).toBeUndefined();
    // 5.5's charsets and forwarded messages are classes of their own there only.
    expect(letterOf({ op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none', charset: 'malformed' }, r)).toBe('smtp.deliver:bad-mime');
    expect(letterOf({ op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none', charset: 'malformed' }, parseRelease('5.5 SP0')!)).toBe('smtp.deliver:malformed-charset');
  });
});

describe('a claim\'s alphabet', () => {
  it('is the letters its property\'s scenarios produce, the same each time, in the catalogue\'s order', () => {
    const r = parseRelease('5.5 SP3')!;
    const p = property('Q293288-R3 the fixed store takes a malformed charset');
    const a = scenarioAlphabet([p], r, DEFAULT_INTERPRETATIONS).map((l) => l.name);
    expect(a).toEqual(scenarioAlphabet([p], r, DEFAULT_INTERPRETATIONS).map((l) => l.name));
    const full = fullAlphabet(r).map((l) => l.name);
    expect(a.length).toBeLessThan(full.length);
    expect(a).toEqual(full.filter((n) => a.includes(n)));
    expect(a).toContain('smtp.deliver:malformed-charset');
    expect(a).toContain('storeFix.apply:post-SP3 store fix');
    expect(a).not.toContain('agent.delete:in');
  });

  it('can be restricted to letters or operations', () => {
    const letters = fullAlphabet(parseRelease('4.0 SP0')!);
    expect(restrict(letters, ['time.pass', 'heal']).map((l) => l.name)).toEqual(['time.pass:poll', 'time.pass:minute', 'time.pass:ten-minutes', 'heal']);
    expect(restrict(letters, ['disk.fill:full']).map((l) => l.name)).toEqual(['disk.fill:full']);
  });
});
