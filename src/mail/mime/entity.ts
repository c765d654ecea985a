// One MIME entity, judged and harvested, then its body parts in turn. A message is its
// outermost entity (the only one that must carry MIME-Version); a message/rfc822 body part holds
// a message of its own (RFC 2046 section 5.2.1), read and judged as one, and reported apart.

import { decodeBody } from './decode.ts';
import type { MimeDefect } from './defects.ts';
import { readFields, splitEntity, valuesOf } from './fields.ts';
import type { Field } from './fields.ts';
import { judgeMimeVersion, judgeTransferEncoding } from './judge.ts';
import { MESSAGE_RFC822, TEXT_PLAIN, readContentType } from './media.ts';
import type { MediaType } from './media.ts';
import { splitMultipart } from './multipart.ts';
import { MIME_CHARSET, lenientParam, parseDisposition } from './params.ts';

/**
 * Where something was found. '' is the message's own header; a body part is named by its
 * section number as IMAP numbers them (RFC 3501 section 6.4.5): '1', '2', '2.1'... and the body
 * of a message that is not multipart is '1'. Inside an embedded message, numbers start again.
 */
export type PartPath = string;

export interface MimeFinding {
  readonly defect: MimeDefect;
  readonly part: PartPath;
}

/** A charset parameter as read (RFC 2045 section 5.1, RFC 2231 continuations and encodings undone). */
export interface MimeCharset {
  readonly part: PartPath;
  /** The entity's media type, lower-cased: 'text/plain'. */
  readonly type: string;
  /** The value as given, case kept; may be ''. */
  readonly charset: string;
  /** Whether it is a charset name at all (RFC 2978 section 2.3); one that is not is a bad-charset. */
  readonly valid: boolean;
}

export interface MimeReading {
  /** Each defect found in any entity's header of this message, once, in the order first seen. Not those of embedded messages. */
  readonly headerDefects: readonly MimeDefect[];
  /** The same defects with where each was found; one entry per defect and part. */
  readonly findings: readonly MimeFinding[];
  /** Every charset parameter of this message's entities, in order. */
  readonly charsets: readonly MimeCharset[];
  /** The messages in its message/rfc822 parts, each read and judged as a message of its own. */
  readonly embedded: readonly EmbeddedMessage[];
  readonly messageId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly subject?: string;
  readonly attachments: readonly string[];
  readonly tnef?: Buffer;
}

export interface EmbeddedMessage extends MimeReading {
  /** The message/rfc822 body part that holds it, in the enclosing message. */
  readonly part: PartPath;
}

interface Harvest {
  readonly defects: MimeDefect[];
  readonly findings: MimeFinding[];
  readonly charsets: MimeCharset[];
  readonly embedded: EmbeddedMessage[];
  readonly attachments: string[];
  tnef?: Buffer;
}

// Deeper nesting (multiparts and embedded messages together) is read as an opaque leaf rather
// than recursed into without end.
const MAX_DEPTH = 8;

function noter(into: Harvest, part: PartPath): (d: MimeDefect) => void {
  return (defect) => {
    if (!into.defects.includes(defect)) into.defects.push(defect);
    if (!into.findings.some((f) => f.defect === defect && f.part === part)) into.findings.push({ defect, part });
  };
}

const child = (part: PartPath, i: number): PartPath => (part === '' ? `${i + 1}` : `${part}.${i + 1}`);

function filenameOf(fields: readonly Field[]): string | undefined {
  const disposition = valuesOf(fields, 'content-disposition')[0];
  if (disposition === undefined) return undefined;
  const name = parseDisposition(disposition)?.params.get('filename') ?? lenientParam(disposition, 'filename');
  return name === '' ? undefined : name;
}

function harvestLeaf(fields: readonly Field[], media: MediaType, encoding: string, body: string, into: Harvest): void {
  const name = filenameOf(fields) ?? media.name;
  if (name !== undefined) into.attachments.push(name);
  // By its type, or by its name whatever the type (assumption A-TNEF-BY-NAME).
  const isTnef = media.type === 'application/ms-tnef' || name?.toLowerCase() === 'winmail.dat';
  if (isTnef && into.tnef === undefined) into.tnef = decodeBody(body, encoding);
}

interface Place {
  readonly part: PartPath;
  readonly depth: number;
  /** The outermost entity of a message, top-level or embedded. */
  readonly top: boolean;
  /** What a body part without Content-Type is (RFC 2045 section 5.2, RFC 2046 section 5.1.5). */
  readonly implicit: MediaType;
}

function readEntity(text: string, at: Place, into: Harvest): readonly Field[] {
  const note = noter(into, at.part);
  const { header, body } = splitEntity(text);
  const fields = readFields(header, note);
  const contentTypes = valuesOf(fields, 'content-type');
  judgeMimeVersion(valuesOf(fields, 'mime-version'), at.top, contentTypes.length > 0, note);
  const media = contentTypes.map((v) => readContentType(v, note))[0] ?? at.implicit;
  if (media.charset !== undefined) {
    const valid = MIME_CHARSET.test(media.charset);
    into.charsets.push({ part: at.part, type: media.type, charset: media.charset, valid });
    if (!valid) note('bad-charset');
  }
  for (const v of valuesOf(fields, 'content-disposition')) if (parseDisposition(v) === undefined) note('unparseable-content-disposition');
  const encoding = judgeTransferEncoding(valuesOf(fields, 'content-transfer-encoding'), media.type, note);
  const deeper = at.depth < MAX_DEPTH;
  if (media.type.startsWith('multipart/') && deeper) {
    const implicit = media.type === 'multipart/digest' ? MESSAGE_RFC822 : TEXT_PLAIN;
    // Split as the bytes stand, whatever encoding it declares (assumption A-MULTIPART-AS-IT-STANDS).
    splitMultipart(body, media.boundary).forEach((part, i) => {
      readEntity(part, { part: child(at.part, i), depth: at.depth + 1, top: false, implicit }, into);
    });
    return fields;
  }
  harvestLeaf(fields, media, encoding, body, into);
  if (media.type === 'message/rfc822' && deeper) {
    // Encoding a message is not allowed (RFC 2046 section 5.2.1); a sender who did it anyway meant it undone.
    const inner = decodeBody(body, encoding).toString('latin1');
    into.embedded.push({ part: at.part === '' ? '1' : at.part, ...readMessage(inner, at.depth + 1) });
  }
  return fields;
}

export function idOf(fields: readonly Field[]): string | undefined {
  const value = valuesOf(fields, 'message-id')[0];
  if (value === undefined) return undefined;
  return /<([^<>]*)>/.exec(value)?.[1] ?? value;
}

/** A whole message from its text (latin1: one character per byte). */
export function readMessage(text: string, depth = 0): MimeReading {
  const into: Harvest = { defects: [], findings: [], charsets: [], embedded: [], attachments: [] };
  const fields = readEntity(text, { part: '', depth, top: true, implicit: TEXT_PLAIN }, into);
  return {
    headerDefects: into.defects,
    findings: into.findings,
    charsets: into.charsets,
    embedded: into.embedded,
    messageId: idOf(fields),
    from: valuesOf(fields, 'from')[0],
    to: valuesOf(fields, 'to')[0],
    subject: valuesOf(fields, 'subject')[0],
    attachments: into.attachments,
    tnef: into.tnef,
  };
}
