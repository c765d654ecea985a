// Reading a whole message: strict about its headers, lenient about its content.

import { idOf, readMessage } from './entity.ts';
import type { MimeReading } from './entity.ts';
import { readFields, splitEntity } from './fields.ts';

export type { EmbeddedMessage, MimeCharset, MimeFinding, MimeReading, PartPath } from './entity.ts';

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function readMime(bytes: Uint8Array): MimeReading {
  return readMessage(asBuffer(bytes).toString('latin1'));
}

/** Cheap: the Message-ID header's value without brackets, or undefined. Used to label files. */
export function messageIdOf(bytes: Uint8Array): string | undefined {
  const buf = asBuffer(bytes);
  // Decode only as far as the first empty line could be; the body can be large.
  const ends = [buf.indexOf('\n\n'), buf.indexOf('\n\r\n')].filter((i) => i >= 0);
  const upTo = ends.length === 0 ? buf.length : Math.min(...ends) + 3;
  const { header } = splitEntity(buf.toString('latin1', 0, upTo));
  return idOf(readFields(header, () => {}));
}
