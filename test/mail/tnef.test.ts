import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readTnef, writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, legacyKey, tnefContent } from './samples.ts';

const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const sum = (bytes: number[]) => bytes.reduce((a, b) => a + b, 0) % 65536;
/** An attribute laid out by hand from MS-OXTNEF, independently of the writer. */
const attribute = (level: number, id: number, data: number[]) => [level, ...u32(id), ...u32(data.length), ...data, ...u16(sum(data))];
const asciiz = (s: string) => [...Buffer.from(s, 'latin1'), 0];

describe('writeTnef', () => {
  it('lays out a tiny stream byte for byte as MS-OXTNEF says', () => {
    const bytes = writeTnef({ messageClass: 'IPM.Note', attachments: [{ title: 'a', data: new Uint8Array([1, 2, 255]) }] }, 0x0102);
    const expected = [
      0x78, 0x9f, 0x3e, 0x22, 0x02, 0x01,
      ...attribute(1, 0x00089006, u32(0x00010000)),
      ...attribute(1, 0x00069007, [...u32(1252), ...u32(0)]),
      ...attribute(1, 0x00078008, asciiz('IPM.Note')),
      ...attribute(2, 0x00069002, [...u16(1), ...u32(0xffffffff), ...u16(32), ...u16(32), ...u32(0)]),
      ...attribute(2, 0x00018010, asciiz('a')),
      ...attribute(2, 0x0006800f, [1, 2, 255]),
    ];
    expect([...bytes]).toEqual(expected);
    expect(sum([1, 2, 255])).toBe(258);
    expect(bytes.readUInt16LE(bytes.length - 2)).toBe(258);
  });

  it('writes the subject only when there is one', () => {
    const withSubject = writeTnef({ messageClass: 'IPM.Note', subject: 'x', attachments: [] }, 0);
    const without = writeTnef({ messageClass: 'IPM.Note', attachments: [] }, 0);
    expect(withSubject.length - without.length).toBe(9 + 2 + 2);
    expect(withSubject.subarray(without.length, without.length + 5)).toEqual(Buffer.from([1, ...u32(0x00018004)]));
  });

  it('refuses what it could not read back', () => {
    expect(() => writeTnef({ messageClass: 'IPM.Note', attachments: [{ title: 'caf\u00e9', data: new Uint8Array() }] }, 0)).toThrow(RangeError);
    expect(() => writeTnef({ messageClass: 'a\0b', attachments: [] }, 0)).toThrow(RangeError);
    expect(() => writeTnef(NOTE, 0x10000)).toThrow(RangeError);
    expect(() => writeTnef(NOTE, -1)).toThrow(RangeError);
  });
});

describe('readTnef', () => {
  it('reads back what was written, without defects', () => {
    expect(readTnef(writeTnef(NOTE, 0x4a21))).toEqual({ defects: [], content: NOTE });
  });

  it('round-trips any content', () => {
    fc.assert(
      fc.property(tnefContent, legacyKey, (content, key) => {
        expect(readTnef(writeTnef(content, key))).toEqual({ defects: [], content });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reads from a view into a larger buffer', () => {
    const stream = writeTnef(NOTE, 7);
    const padded = new Uint8Array(stream.length + 10);
    padded.set(stream, 5);
    expect(readTnef(padded.subarray(5, 5 + stream.length))).toEqual({ defects: [], content: NOTE });
  });

  it('judges streams too short or with a foreign signature', () => {
    expect(readTnef(new Uint8Array([0x78, 0x9f, 0x3e])).defects).toEqual(['truncated']);
    expect(readTnef(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3])).defects).toEqual(['bad-signature']);
    expect(readTnef(new Uint8Array([0x78, 0x9f, 0x3e, 0x22, 0, 0])).defects).toEqual(['missing-version']);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        readTnef(bytes);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
