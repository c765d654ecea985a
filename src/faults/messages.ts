// The bytes a remote host sends for an smtp.deliver operation: a real MIME message, with a
// real TNEF winmail.dat when asked, and the named defects put into the bytes themselves.

import { rfc5322Date } from '../model/calendar.ts';
import { MIME_DEFECTS, composeMessage, type EmbeddedSpec, type MimeDefect } from '../mail/mime.ts';
import { breakTnef, writeTnef } from '../mail/tnef.ts';
import type { OpOf } from './operations.ts';

export const REMOTE_DOMAIN = 'remote.example';

/** A defect in a message's own headers; the charset of its text is a dimension of its own (`charset`). */
export type HeaderDefect = Exclude<MimeDefect, 'bad-charset'>;
export const HEADER_DEFECTS: readonly HeaderDefect[] = MIME_DEFECTS.filter((d): d is HeaderDefect => d !== 'bad-charset');

/** The charset of a message's text: malformed is Q293288's `charset = ""`. */
export const CHARSETS = ['us-ascii', 'iso-8859-1', 'malformed'] as const;
export type Charset = (typeof CHARSETS)[number];

/** What the remote host sends, in the terms the articles use: read off the operation, as its sender knows it. */
export interface SentMessage {
  /** Any defect in the MIME headers of the message or its parts (Q168139's "bad MIME headers"). */
  readonly badHeaders: boolean;
  /** A winmail.dat that cannot be decoded (Q168139's "bad TNEF"). */
  readonly badTnef: boolean;
  /** Q293288's malformed charset on the text part. */
  readonly malformedCharset: boolean;
  /** A forwarded message inside it, and whether its own headers are bad. */
  readonly embedded: 'none' | 'good' | 'bad';
}

export function sentMessage(op: OpOf<'smtp.deliver'>): SentMessage {
  const malformedCharset = op.charset === 'malformed';
  const embedded = op.embedded ?? 'none';
  return {
    badHeaders: op.mime !== 'good' || malformedCharset,
    badTnef: op.tnef !== 'none' && op.tnef !== 'good',
    malformedCharset,
    embedded: embedded === 'none' || embedded === 'good' ? embedded : 'bad',
  };
}

export function inboundMessage(op: OpOf<'smtp.deliver'>, serial: number, domain: string, now: number): { messageId: string; from: string; to: string; bytes: Buffer } {
  const messageId = `${serial}.${now}@${REMOTE_DOMAIN}`;
  const subject = `Message ${serial}`;
  const from = `sender${serial}@${REMOTE_DOMAIN}`;
  const to = `${op.to.toLowerCase().replace(/[^a-z0-9]/g, '')}@${domain}`;
  let tnef: Buffer | undefined;
  if (op.tnef !== 'none') {
    const good = writeTnef({ messageClass: 'IPM.Microsoft Mail.Note', subject, attachments: [{ title: `report${serial}.doc`, data: Buffer.from(`report ${serial}\r\n`) }] }, serial & 0xffff);
    tnef = op.tnef === 'good' ? good : breakTnef(good, op.tnef);
  }
  const charset = op.charset ?? 'us-ascii';
  const defects: MimeDefect[] = [...(op.mime === 'good' ? [] : [op.mime]), ...(charset === 'malformed' ? ['bad-charset' as const] : [])];
  const bytes = composeMessage(
    {
      messageId, from, to, subject, date: rfc5322Date(now), body: `Hello from ${REMOTE_DOMAIN}.`,
      ...(charset === 'malformed' || charset === 'us-ascii' ? {} : { charset }),
      ...(tnef ? { tnef } : {}),
      ...(op.embedded === undefined || op.embedded === 'none' ? {} : { embedded: [forwarded(serial, now, op.embedded)] }),
    },
    defects,
  );
  return { messageId, from, to, bytes };
}

/** The message a remote user forwards as an attachment, with a defect in its own headers when asked. */
function forwarded(serial: number, now: number, embedded: 'good' | MimeDefect): EmbeddedSpec {
  const spec = {
    messageId: `fwd.${serial}.${now}@${REMOTE_DOMAIN}`, from: `friend${serial}@${REMOTE_DOMAIN}`, to: `sender${serial}@${REMOTE_DOMAIN}`,
    subject: `Forwarded ${serial}`, date: rfc5322Date(now), body: 'The message you asked for.',
  };
  return { spec, defects: embedded === 'good' ? [] : [embedded] };
}
