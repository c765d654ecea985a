// MS-OXTNEF framing: the constants a writer and a reader must agree on, and the public shapes.

export const TNEF_SIGNATURE = 0x223e9f78;
/** TNEFSignature (uint32) + LegacyKey (uint16). */
export const STREAM_HEADER_BYTES = 6;
/** AttrLevel (uint8) + AttrId (uint32) + Length (uint32). */
export const ATTRIBUTE_HEADER_BYTES = 9;
export const CHECKSUM_BYTES = 2;

export const LVL_MESSAGE = 0x01;
export const LVL_ATTACHMENT = 0x02;

// AttrId = type in the high word, id in the low word, exactly as the spec lists them.
export const attTnefVersion = 0x00089006;
export const attOemCodepage = 0x00069007;
export const attMessageClass = 0x00078008;
export const attSubject = 0x00018004;
export const attAttachRendData = 0x00069002;
export const attAttachTitle = 0x00018010;
export const attAttachData = 0x0006800f;

export const TNEF_VERSION = 0x00010000;
export const OEM_CODEPAGE = 1252;

export interface TnefAttachment { readonly title: string; readonly data: Uint8Array }
export interface TnefContent {
  readonly messageClass: string;
  readonly subject?: string;
  readonly attachments: readonly TnefAttachment[];
}

export type TnefDefect =
  | 'truncated'
  | 'bad-signature'
  | 'bad-level'
  | 'bad-checksum'
  | 'missing-version'
  | 'attachment-without-rendering';

export const TNEF_DEFECTS: readonly TnefDefect[] = [
  'truncated',
  'bad-signature',
  'bad-level',
  'bad-checksum',
  'missing-version',
  'attachment-without-rendering',
];

/** Checksum = sum of the Data bytes modulo 65536. */
export function checksum(data: Uint8Array): number {
  let sum = 0;
  for (const byte of data) sum = (sum + byte) & 0xffff;
  return sum;
}
