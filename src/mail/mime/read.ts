// Reading a whole message: strict about its headers, lenient about its content.

import type { MimeDefect } from './defects.ts';
import { readEntity } from './entity.ts';
import type { Harvest } from './entity.ts';
import { readFields, splitEntity, valuesOf } from './fields.ts';
import type { Field } from './fields.ts';

export interface MimeReading {
  readonly headerDefects: readonly MimeDefect[];
  readonly messageId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly subject?: string;
  readonly attachments: readonly string[];
  readonly tnef?: Buffer;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function idOf(fields: readonly Field[]): string | undefined {
  const value = valuesOf(fields, 'message-id')[0];
  if (value === undefined) return undefined;
  return /<([^<>]*)>/.exec(value)?.[1] ?? value;
}

export function readMime(bytes: Uint8Array): MimeReading {
  const into: Harvest = { defects: [], attachments: [] };
  const fields = readEntity(asBuffer(bytes).toString('latin1'), 0, into);
  return {
    headerDefects: into.defects,
    messageId: idOf(fields),
    from: valuesOf(fields, 'from')[0],
    to: valuesOf(fields, 'to')[0],
    subject: valuesOf(fields, 'subject')[0],
    attachments: into.attachments,
    tnef: into.tnef,
  };
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
