import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TNEF_DEFECTS, breakTnef, readTnef, writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, legacyKey, tnefContent } from './samples.ts';

const good = writeTnef(NOTE, 0x4a21);

describe('breakTnef', () => {
  it.each(TNEF_DEFECTS)('introduces exactly %s', (defect) => {
    expect(readTnef(breakTnef(good, defect)).defects).toEqual([defect]);
  });

  it('introduces exactly the defect into any stream with an attachment', () => {
    const withAttachment = tnefContent.filter((c) => c.attachments.length > 0);
    fc.assert(
      fc.property(withAttachment, legacyKey, fc.constantFrom(...TNEF_DEFECTS), (content, key, defect) => {
        const stream = writeTnef(content, key);
        const broken = breakTnef(stream, defect);
        expect(readTnef(broken).defects).toEqual([defect]);
        expect(breakTnef(stream, defect)).toEqual(broken); // deterministic
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('leaves its input alone', () => {
    const copy = Buffer.from(good);
    for (const defect of TNEF_DEFECTS) breakTnef(good, defect);
    expect(good).toEqual(copy);
  });

  it('still lets the reader recover what precedes or surrounds the defect', () => {
    const truncated = readTnef(breakTnef(good, 'truncated')).content;
    expect(truncated.messageClass).toBe(NOTE.messageClass);
    expect(truncated.subject).toBe(NOTE.subject);
    expect(truncated.attachments.map((a) => a.title)).toEqual(['Q1.XLS', 'README.TXT']);
    expect(readTnef(breakTnef(good, 'bad-checksum')).content).toEqual(NOTE);
    expect(readTnef(breakTnef(good, 'missing-version')).content).toEqual(NOTE);
    expect(readTnef(breakTnef(good, 'attachment-without-rendering')).content).toEqual(NOTE);
    expect(readTnef(breakTnef(good, 'bad-level')).content).toEqual({ ...NOTE, messageClass: '' });
  });

  it('needs an attachment to drop its rendering, and a well-formed stream to start from', () => {
    const noAttachment = writeTnef({ messageClass: 'IPM.Note', attachments: [] }, 0);
    expect(() => breakTnef(noAttachment, 'attachment-without-rendering')).toThrow(/attAttachRendData/);
    expect(() => breakTnef(breakTnef(good, 'bad-checksum'), 'truncated')).toThrow(/well-formed/);
    for (const defect of TNEF_DEFECTS.filter((d) => d !== 'attachment-without-rendering')) {
      expect(readTnef(breakTnef(noAttachment, defect)).defects).toEqual([defect]);
    }
  });
});
