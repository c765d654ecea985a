// Fault injection: one specific MS-OXTNEF violation in a copy of a well-formed stream.

import { attAttachRendData, LVL_ATTACHMENT, TNEF_SIGNATURE } from './format.ts';
import type { TnefDefect } from './format.ts';
import { readTnef } from './read.ts';
import { scanTnef } from './scan.ts';
import type { RawAttribute } from './scan.ts';

function without(bytes: Uint8Array, a: RawAttribute): Buffer {
  return Buffer.concat([bytes.subarray(0, a.start), bytes.subarray(a.end)]);
}

function need<T>(value: T | undefined, defect: TnefDefect, why: string): T {
  if (value === undefined) throw new Error(`breakTnef(${defect}): the stream has ${why}`);
  return value;
}

/** A copy of a well-formed stream with exactly that defect introduced (deterministic). */
export function breakTnef(good: Uint8Array, defect: TnefDefect): Buffer {
  const already = readTnef(good).defects;
  if (already.length > 0) throw new Error(`breakTnef needs a well-formed TNEF stream; this one is already ${already.join(', ')}`);
  const attributes = scanTnef(good).attributes;
  const copy = Buffer.from(good);
  switch (defect) {
    case 'truncated': {
      // Cutting mid-data (or, for empty data, before the checksum) leaves the last attribute incomplete.
      const last = need(attributes.at(-1), defect, 'no attributes');
      return Buffer.from(copy.subarray(0, last.dataStart + Math.floor(last.length / 2)));
    }
    case 'bad-signature':
      copy.writeUInt32LE((TNEF_SIGNATURE ^ 0x01) >>> 0, 0);
      return copy;
    case 'bad-level': {
      const third = need(attributes[2], defect, 'fewer than three attributes');
      copy.writeUInt8(0x07, third.start);
      return copy;
    }
    case 'bad-checksum': {
      const last = need(attributes.at(-1), defect, 'no attributes');
      copy.writeUInt16LE((last.checksum + 1) & 0xffff, last.dataStart + last.length);
      return copy;
    }
    case 'missing-version':
      return without(copy, need(attributes[0], defect, 'no attributes'));
    case 'attachment-without-rendering': {
      const rendering = attributes.find((a) => a.level === LVL_ATTACHMENT && a.id === attAttachRendData);
      return without(copy, need(rendering, defect, 'no attachment (no attAttachRendData to drop)'));
    }
  }
}
