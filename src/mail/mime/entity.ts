// One MIME entity, judged and harvested, then its body parts in turn: the top level is just
// the outermost entity (the only one that must carry MIME-Version).

import { decodeBody } from './decode.ts';
import type { MimeDefect } from './defects.ts';
import { readFields, splitEntity, valuesOf } from './fields.ts';
import type { Field } from './fields.ts';
import { judgeMimeVersion, judgeTransferEncoding } from './judge.ts';
import { DEFAULT_MEDIA_TYPE, lenientParam, readContentType } from './media.ts';
import type { MediaType } from './media.ts';
import { splitMultipart } from './multipart.ts';

export interface Harvest {
  readonly defects: MimeDefect[];
  readonly attachments: string[];
  tnef?: Buffer;
}

// Deeper nesting is read as an opaque leaf rather than recursed into without end.
const MAX_DEPTH = 8;

function harvestLeaf(fields: readonly Field[], media: MediaType, encoding: string, body: string, into: Harvest): void {
  const disposition = valuesOf(fields, 'content-disposition')[0];
  const name = (disposition === undefined ? undefined : lenientParam(disposition, 'filename')) ?? media.name;
  if (name !== undefined) into.attachments.push(name);
  const isTnef = media.type === 'application/ms-tnef' || name?.toLowerCase() === 'winmail.dat';
  if (isTnef && into.tnef === undefined) into.tnef = decodeBody(body, encoding);
}

export function readEntity(text: string, depth: number, into: Harvest): readonly Field[] {
  const { header, body } = splitEntity(text);
  const fields = readFields(header, into.defects);
  const contentTypes = valuesOf(fields, 'content-type');
  judgeMimeVersion(valuesOf(fields, 'mime-version'), depth === 0, contentTypes.length > 0, into.defects);
  const media = contentTypes.map((v) => readContentType(v, into.defects))[0] ?? DEFAULT_MEDIA_TYPE;
  const encoding = judgeTransferEncoding(valuesOf(fields, 'content-transfer-encoding'), into.defects);
  if (media.type.startsWith('multipart/') && depth < MAX_DEPTH) {
    for (const part of splitMultipart(body, media.boundary)) readEntity(part, depth + 1, into);
  } else {
    harvestLeaf(fields, media, encoding, body, into);
  }
  return fields;
}
