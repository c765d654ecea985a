// The bytes a remote host sends for an smtp.deliver operation: a real MIME message, with a
// real TNEF winmail.dat when asked, and the named defects put into the bytes themselves; or a
// message given as bytes (someone's own), sent as it is. Either way the judges (readMime,
// readTnef) read what was sent, and what the checkers are told it was comes from them for a
// given message, or from the operation for a generated one (the two agree: a test says so).

import { rfc5322Date } from '../model/calendar.ts';
import { MIME_DEFECTS, composeMessage, readMime, type EmbeddedSpec, type MimeCharset, type MimeDefect, type MimeFinding, type MimeReading, type PartPath } from '../mail/mime.ts';
import { breakTnef, readTnef, writeTnef, type TnefDefect } from '../mail/tnef.ts';
import type { GeneratedMessage, OpOf } from './operations.ts';

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

/**
 * What the message is, in the articles' terms. A generated one: read off the operation, as its
 * sender knows it. A given one: as the judges read its bytes (`judgeMessage`), with the rules
 * the store converts by (src/model/store.ts): any header defect is bad MIME headers, a
 * bad-charset on a body part is Q293288's charset, a TNEF stream with any defect is bad TNEF,
 * and a forwarded message is bad when its own headers have a defect.
 */
export function sentMessage(op: OpOf<'smtp.deliver'>): SentMessage {
  if (op.message !== undefined) return sentFromReading(judged(op));
  const malformedCharset = op.charset === 'malformed';
  const embedded = op.embedded ?? 'none';
  return {
    badHeaders: op.mime !== 'good' || malformedCharset,
    badTnef: op.tnef !== 'none' && op.tnef !== 'good',
    malformedCharset,
    embedded: embedded === 'none' || embedded === 'good' ? embedded : 'bad',
  };
}

/** How the judges read a message: the MIME judge's findings and charsets, the TNEF reader's defects, and each forwarded message read the same way. */
export interface MessageReading {
  readonly messageId?: string;
  /** Each MIME defect and where: '' the message's own header, else the part's section number ('1', '2.1'). */
  readonly findings: readonly MimeFinding[];
  readonly charsets: readonly MimeCharset[];
  /** The winmail.dat (application/ms-tnef) found, if any: the TNEF reader's defects (none: good TNEF). */
  readonly tnef?: { readonly defects: readonly TnefDefect[] };
  /** The messages in its message/rfc822 parts, each at its part. */
  readonly forwarded: readonly (MessageReading & { readonly part: PartPath })[];
}

/** The judges' reading of a whole message, with its size. */
export interface JudgedMessage extends MessageReading {
  readonly bytes: number;
}

export function judgeMessage(bytes: Uint8Array): JudgedMessage {
  return { bytes: bytes.byteLength, ...readingOf(readMime(bytes)) };
}

function readingOf(m: MimeReading): MessageReading {
  return {
    ...(m.messageId === undefined ? {} : { messageId: m.messageId }),
    findings: m.findings,
    charsets: m.charsets,
    ...(m.tnef === undefined ? {} : { tnef: { defects: readTnef(m.tnef).defects } }),
    forwarded: m.embedded.map((e) => ({ part: e.part, ...readingOf(e) })),
  };
}

function sentFromReading(r: MessageReading): SentMessage {
  const forwarded = r.forwarded;
  return {
    badHeaders: r.findings.length > 0,
    badTnef: (r.tnef?.defects.length ?? 0) > 0,
    malformedCharset: r.findings.some((f) => f.defect === 'bad-charset' && f.part !== ''),
    embedded: forwarded.length === 0 ? 'none' : forwarded.some((f) => f.findings.length > 0) ? 'bad' : 'good',
  };
}

/** Each given message is judged once: checkers ask about every delivery, often. */
const readings = new WeakMap<object, JudgedMessage>();

function judged(op: OpOf<'smtp.deliver'> & { readonly message: object }): JudgedMessage {
  let r = readings.get(op.message);
  if (!r) {
    r = judgeMessage(givenBytes(op));
    readings.set(op.message, r);
  }
  return r;
}

/** The bytes of a given message. */
export function givenBytes(op: { readonly message: { readonly base64: string } }): Buffer {
  return Buffer.from(op.message.base64, 'base64');
}

/**
 * What the model calls a message without a Message-ID (src/model/store.ts files it so). Scenario
 * files never hold one (loading refuses it: the spool's records would have no name for it, and
 * the checkers could not follow it); an operation built in code may.
 */
export const NO_MESSAGE_ID = '(no Message-ID)';

/**
 * The envelope and bytes of the message of an smtp.deliver: composed, or given. The envelope is
 * the same either way (MAIL FROM the remote sender of this serial, RCPT TO the recipient's alias
 * at the organisation's domain); a given message's own From and To are in its bytes, as they are.
 */
export function inboundMessage(op: OpOf<'smtp.deliver'>, serial: number, domain: string, now: number): { messageId: string; from: string; to: string; bytes: Buffer } {
  const from = `sender${serial}@${REMOTE_DOMAIN}`;
  const to = `${op.to.toLowerCase().replace(/[^a-z0-9]/g, '')}@${domain}`;
  if (op.message !== undefined) return { messageId: judged(op).messageId ?? NO_MESSAGE_ID, from, to, bytes: givenBytes(op) };
  return { from, to, ...composed(op, serial, now, from, to) };
}

/**
 * Messages already composed, by everything that decides their bytes. Exploration replays every
 * history from the installed server, and shrinking replays near copies: both send the same
 * message at the same time again and again. Bounded; the bytes are never written to.
 */
const made = new Map<string, { messageId: string; bytes: Buffer }>();
const MADE_LIMIT = 4096;

function composed(op: GeneratedMessage, serial: number, now: number, from: string, to: string): { messageId: string; bytes: Buffer } {
  const key = `${op.tnef}|${op.mime}|${op.charset}|${op.embedded}|${op.writer ?? 'exchange'}|${op.spoiling ?? 'writer'}|${serial}|${now}|${to}`;
  let m = made.get(key);
  if (!m) {
    if (made.size >= MADE_LIMIT) made.clear();
    m = compose(op, serial, now, from, to);
    made.set(key, m);
  }
  return m;
}

function compose(op: GeneratedMessage, serial: number, now: number, from: string, to: string): { messageId: string; bytes: Buffer } {
  const messageId = `${serial}.${now}@${REMOTE_DOMAIN}`;
  const subject = `Message ${serial}`;
  const tnef = op.tnef === 'none' ? undefined : winmailDat(op.tnef, serial, subject);
  const charset = op.charset ?? 'us-ascii';
  const defects: MimeDefect[] = [...(op.mime === 'good' ? [] : [op.mime]), ...(charset === 'malformed' ? ['bad-charset' as const] : [])];
  const bytes = composeMessage(
    {
      messageId, from, to, subject, date: rfc5322Date(now), body: `Hello from ${REMOTE_DOMAIN}.`,
      ...(charset === 'malformed' || charset === 'us-ascii' ? {} : { charset }),
      ...(tnef ? { tnef } : {}),
      ...(op.embedded === undefined || op.embedded === 'none' ? {} : { embedded: [forwarded(serial, now, op.embedded)] }),
      ...(op.writer === undefined ? {} : { writer: op.writer }),
      ...(op.spoiling === undefined ? {} : { spoiling: op.spoiling }),
    },
    defects,
  );
  return { messageId, bytes };
}

/** Each winmail.dat already written, by its serial and defect: the same one goes with a message at any time (bounded; never written to). */
const written = new Map<string, Buffer>();

function winmailDat(tnef: 'good' | TnefDefect, serial: number, subject: string): Buffer {
  const key = `${tnef}|${serial}|${subject}`;
  let bytes = written.get(key);
  if (!bytes) {
    if (written.size >= MADE_LIMIT) written.clear();
    const good = writeTnef({ messageClass: 'IPM.Microsoft Mail.Note', subject, attachments: [{ title: `report${serial}.doc`, data: reportDocument(serial) }] }, serial & 0xffff);
    bytes = tnef === 'good' ? good : breakTnef(good, tnef);
    written.set(key, bytes);
  }
  return bytes;
}

/**
 * The document a remote user attaches: a compound file's signature, two lines of text (one an
 * '=' before two hex digits), then every byte value once. Each spelling's encoding of the
 * winmail.dat (base64, quoted-printable) then meets every byte, as real documents make it.
 */
function reportDocument(serial: number): Buffer {
  return Buffer.concat([OLE_SIGNATURE, Buffer.from(`report ${serial}\r\ncopies=12\r\n`), EVERY_BYTE]);
}
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EVERY_BYTE = Buffer.from(Array.from({ length: 256 }, (_, b) => b));

/** The message a remote user forwards as an attachment, with a defect in its own headers when asked. */
function forwarded(serial: number, now: number, embedded: 'good' | MimeDefect): EmbeddedSpec {
  const spec = {
    messageId: `fwd.${serial}.${now}@${REMOTE_DOMAIN}`, from: `friend${serial}@${REMOTE_DOMAIN}`, to: `sender${serial}@${REMOTE_DOMAIN}`,
    subject: `Forwarded ${serial}`, date: rfc5322Date(now), body: 'The message you asked for.',
  };
  return { spec, defects: embedded === 'good' ? [] : [embedded] };
}
