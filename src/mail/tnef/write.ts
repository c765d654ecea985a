// Writes a TNEF stream the way the Exchange IMS did for a plain note: version, code page,
// class, subject, then per attachment its rendering, title and data.

import {
  ATTRIBUTE_HEADER_BYTES, CHECKSUM_BYTES, LVL_ATTACHMENT, LVL_MESSAGE, OEM_CODEPAGE, STREAM_HEADER_BYTES,
  TNEF_SIGNATURE, TNEF_VERSION, attAttachData, attAttachRendData, attAttachTitle, attMessageClass,
  attOemCodepage, attSubject, attTnefVersion, checksum,
} from './format.ts';
import type { TnefAttachment, TnefContent } from './format.ts';

function attribute(level: number, id: number, data: Uint8Array): Buffer {
  const head = Buffer.alloc(ATTRIBUTE_HEADER_BYTES);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  const tail = Buffer.alloc(CHECKSUM_BYTES);
  tail.writeUInt16LE(checksum(data), 0);
  return Buffer.concat([head, data, tail]);
}

function uint32s(...values: number[]): Buffer {
  const out = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => out.writeUInt32LE(v, 4 * i));
  return out;
}

/** Strings are NUL-terminated; a NUL or non-ASCII character could not be read back as written. */
function asciiz(text: string, what: string): Buffer {
  if (!/^[\x01-\x7f]*$/.test(text)) throw new RangeError(`TNEF ${what} must be ASCII without NUL: ${JSON.stringify(text)}`);
  return Buffer.from(`${text}\0`, 'latin1');
}

/** attAttachRendData: AttachType=1 (file), AttachPosition=-1, 32x32 rendering, DataFlags=0. */
function rendering(): Buffer {
  const out = Buffer.alloc(14);
  out.writeUInt16LE(1, 0);
  out.writeUInt32LE(0xffffffff, 2);
  out.writeUInt16LE(32, 6);
  out.writeUInt16LE(32, 8);
  out.writeUInt32LE(0, 10);
  return out;
}

function attachment(a: TnefAttachment): Buffer[] {
  return [
    attribute(LVL_ATTACHMENT, attAttachRendData, rendering()),
    attribute(LVL_ATTACHMENT, attAttachTitle, asciiz(a.title, 'attachment title')),
    attribute(LVL_ATTACHMENT, attAttachData, a.data),
  ];
}

export function writeTnef(content: TnefContent, legacyKey: number): Buffer {
  if (!Number.isInteger(legacyKey) || legacyKey < 0 || legacyKey > 0xffff) {
    throw new RangeError(`TNEF LegacyKey must be a uint16: ${legacyKey}`);
  }
  const header = Buffer.alloc(STREAM_HEADER_BYTES);
  header.writeUInt32LE(TNEF_SIGNATURE, 0);
  header.writeUInt16LE(legacyKey, 4);
  const attributes = [
    attribute(LVL_MESSAGE, attTnefVersion, uint32s(TNEF_VERSION)),
    attribute(LVL_MESSAGE, attOemCodepage, uint32s(OEM_CODEPAGE, 0)),
    attribute(LVL_MESSAGE, attMessageClass, asciiz(content.messageClass, 'message class')),
  ];
  if (content.subject !== undefined) attributes.push(attribute(LVL_MESSAGE, attSubject, asciiz(content.subject, 'subject')));
  for (const a of content.attachments) attributes.push(...attachment(a));
  return Buffer.concat([header, ...attributes]);
}
