// The framing of a TNEF stream without any judgement: where each attribute lies, and whether
// the stream ran out or did not start with the signature. Reader and breaker both build on it.

import { ATTRIBUTE_HEADER_BYTES, CHECKSUM_BYTES, STREAM_HEADER_BYTES, TNEF_SIGNATURE } from './format.ts';

export interface RawAttribute {
  readonly level: number;
  readonly id: number;
  /** Offset of AttrLevel. */
  readonly start: number;
  readonly dataStart: number;
  readonly length: number;
  /** The Checksum as stored, at offset dataStart + length. */
  readonly checksum: number;
  /** Offset just past the Checksum. */
  readonly end: number;
}

export interface TnefScan {
  readonly badSignature: boolean;
  /** Stream header, an attribute header or its data+checksum ran past the end. */
  readonly truncated: boolean;
  readonly attributes: readonly RawAttribute[];
}

export function scanTnef(bytes: Uint8Array): TnefScan {
  if (bytes.length < STREAM_HEADER_BYTES) return { badSignature: false, truncated: true, attributes: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== TNEF_SIGNATURE) return { badSignature: true, truncated: false, attributes: [] };
  const attributes: RawAttribute[] = [];
  let pos = STREAM_HEADER_BYTES;
  while (pos < bytes.length) {
    if (pos + ATTRIBUTE_HEADER_BYTES > bytes.length) return { badSignature: false, truncated: true, attributes };
    const length = view.getUint32(pos + 5, true);
    const dataStart = pos + ATTRIBUTE_HEADER_BYTES;
    const end = dataStart + length + CHECKSUM_BYTES;
    if (end > bytes.length) return { badSignature: false, truncated: true, attributes };
    attributes.push({
      level: view.getUint8(pos),
      id: view.getUint32(pos + 1, true),
      start: pos,
      dataStart,
      length,
      checksum: view.getUint16(dataStart + length, true),
      end,
    });
    pos = end;
  }
  return { badSignature: false, truncated: false, attributes };
}
