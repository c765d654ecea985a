import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MIME_DEFECTS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MimeDefect } from '../../src/mail/mime.ts';
import { TNEF_DEFECTS, breakTnef, readTnef, writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, messageSpec } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);
const sorted = (ds: readonly MimeDefect[]) => [...ds].sort();
const pairs = MIME_DEFECTS.flatMap((a, i) => MIME_DEFECTS.slice(i + 1).map((b) => [a, b] as const));

describe.each([
  ['plain text', SPEC],
  ['with winmail.dat', { ...SPEC, tnef: TNEF }],
])('composeMessage defects, %s', (_, spec) => {
  it.each(MIME_DEFECTS)('%s alone is detected exactly', (defect) => {
    expect(readMime(composeMessage(spec, [defect])).headerDefects).toEqual([defect]);
  });

  it.each(pairs)('%s with %s is detected exactly', (a, b) => {
    const found = readMime(composeMessage(spec, [a, b])).headerDefects;
    expect(found).toHaveLength(2);
    expect(sorted(found)).toEqual(sorted([a, b]));
  });

  it('leaves the content readable, whatever the header defects', () => {
    for (const defect of MIME_DEFECTS) {
      const reading = readMime(composeMessage(spec, [defect]));
      expect(reading.messageId).toBe(spec.messageId);
      expect(reading.tnef).toEqual(spec.tnef);
      expect(reading.attachments).toEqual(spec.tnef === undefined ? [] : ['winmail.dat']);
    }
  });
});

describe('composeMessage defects, any combination', () => {
  it('detects exactly the requested set, and still yields the TNEF bytes', () => {
    fc.assert(
      fc.property(messageSpec, fc.boolean(), fc.subarray([...MIME_DEFECTS]), (spec, withTnef, defects) => {
        const tnef = withTnef ? TNEF : undefined;
        const bytes = composeMessage({ ...spec, tnef }, defects);
        expect(composeMessage({ ...spec, tnef }, defects)).toEqual(bytes); // deterministic
        const reading = readMime(bytes);
        expect(sorted(reading.headerDefects)).toEqual(sorted(defects));
        expect(reading.tnef).toEqual(tnef);
        expect(reading.messageId).toBe(spec.messageId);
        const subject = defects.includes('eight-bit-header') ? `${spec.subject} caf\u00e9` : spec.subject;
        expect(reading.subject).toBe(subject);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('bad headers around a broken winmail.dat', () => {
  it.each(TNEF_DEFECTS)('both are visible: MIME defects and TNEF %s', (tnefDefect) => {
    for (const mimeDefect of MIME_DEFECTS) {
      const reading = readMime(composeMessage({ ...SPEC, tnef: breakTnef(TNEF, tnefDefect) }, [mimeDefect]));
      expect(reading.headerDefects).toEqual([mimeDefect]);
      expect(reading.tnef).toBeDefined();
      expect(readTnef(reading.tnef!).defects).toContain(tnefDefect);
    }
  });
});
