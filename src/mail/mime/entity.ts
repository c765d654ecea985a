// One MIME entity, judged and harvested, then its body parts in turn: the top level is just
// the outermost entity (the only one that must carry MIME-Version).

import { decodeBody } from './decode.ts';
import type { MimeDefect } from './defects.ts';
import { readFields, splitEntity, valuesOf } from './fields.ts';
import type { Field } from './fields.ts';
import { judgeMimeVersion, judgeTransferEncoding } from './judge.ts';
import { TEXT_PLAIN, readContentType } from './media.ts';
import type { MediaType } from './media.ts';
import { splitMultipart } from './multipart.ts';
import { lenientParam, parseDisposition } from './params.ts';

export interface Harvest {
  readonly defects: MimeDefect[];
  readonly attachments: string[];
  tnef?: Buffer;
}

// Deeper nesting is read as an opaque leaf rather than recursed into without end.
const MAX_DEPTH = 8;

function filenameOf(fields: readonly Field[]): string | undefined {
  const disposition = valuesOf(fields, 'content-disposition')[0];
  if (disposition === undefined) return undefined;
  const name = parseDisposition(disposition)?.params.get('filename') ?? lenientParam(disposition, 'filename');
  return name === '' ? undefined : name;
}

function harvestLeaf(fields: readonly Field[], media: MediaType, encoding: string, body: string, into: Harvest): void {
  const name = filenameOf(fields) ?? media.name;
  if (name !== undefined) into.attachments.push(name);
  const isTnef = media.type === 'application/ms-tnef' || name?.toLowerCase() === 'winmail.dat';
  if (isTnef && into.tnef === undefined) into.tnef = decodeBody(body, encoding);
}

export function readEntity(text: string, depth: number, into: Harvest): readonly Field[] {
  const note = (d: MimeDefect): void => {
    if (!into.defects.includes(d)) into.defects.push(d);
  };
  const { header, body } = splitEntity(text);
  const fields = readFields(header, note);
  const contentTypes = valuesOf(fields, 'content-type');
  judgeMimeVersion(valuesOf(fields, 'mime-version'), depth === 0, contentTypes.length > 0, note);
  const media = contentTypes.map((v) => readContentType(v, note))[0] ?? TEXT_PLAIN;
  for (const v of valuesOf(fields, 'content-disposition')) if (parseDisposition(v) === undefined) note('unparseable-content-disposition');
  const encoding = judgeTransferEncoding(valuesOf(fields, 'content-transfer-encoding'), media.type, note);
  if (media.type.startsWith('multipart/') && depth < MAX_DEPTH) {
    for (const part of splitMultipart(body, media.boundary)) readEntity(part, depth + 1, into);
  } else {
    harvestLeaf(fields, media, encoding, body, into);
  }
  return fields;
}
