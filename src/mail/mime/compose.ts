// Message bytes as the Exchange IMS wrote them (CRLF, quoted "----=_NextPart" boundary, folded
// parameters, winmail.dat in base64), with chosen header defects introduced deterministically.

import { MIME_DEFECTS } from './defects.ts';
import type { MimeDefect } from './defects.ts';
import { MIME_CHARSET } from './params.ts';

/** A message to attach as a message/rfc822 part: its bytes as they stand, or one composed from a spec (with its own defects). */
export type EmbeddedSpec = Uint8Array | { readonly spec: MessageSpec; readonly defects?: readonly MimeDefect[] };

export interface MessageSpec {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly date: string;
  readonly body: string;
  readonly tnef?: Uint8Array;
  /** The text's charset parameter, a charset name (RFC 2978 section 2.3); "us-ascii" when absent. */
  readonly charset?: string;
  /** Messages attached as message/rfc822 parts, after the text and before any winmail.dat. */
  readonly embedded?: readonly EmbeddedSpec[];
}

const CRLF = '\r\n';
const PREAMBLE = 'This is a multi-part message in MIME format.';

/** Each level of nesting has a boundary of its own, as Outlook and the IMS numbered them. */
const boundaryAt = (level: number): string => `----=_NextPart_${String(level).padStart(3, '0')}_0001_01BE7E5A.5C2AEAA0`;

function checkSpec(spec: MessageSpec): void {
  const headerText = /^[\t\x20-\x7e]*$/; // no CR/LF: a value must not start a header of its own
  for (const key of ['from', 'to', 'subject', 'date'] as const) {
    if (!headerText.test(spec[key])) throw new RangeError(`MessageSpec.${key} must be printable ASCII: ${JSON.stringify(spec[key])}`);
  }
  if (!/^[\x21-\x3b\x3d\x3f-\x7e]+$/.test(spec.messageId)) {
    throw new RangeError(`MessageSpec.messageId must be printable ASCII without <, > or spaces: ${JSON.stringify(spec.messageId)}`);
  }
  if (!/^[\t\r\n\x20-\x7e]*$/.test(spec.body)) throw new RangeError('MessageSpec.body must be ASCII text (7bit)');
  if (spec.charset !== undefined && !MIME_CHARSET.test(spec.charset)) {
    throw new RangeError(`MessageSpec.charset must be a charset name (RFC 2978): ${JSON.stringify(spec.charset)}`);
  }
}

/** Whether any line of the text would be taken for one of our delimiters. */
const holdsDelimiter = (text: string, boundary: string): boolean => `\n${text}`.includes(`\n--${boundary}`);

/** Any bare CR or LF becomes CRLF; a multipart body must not contain our own delimiter. */
function textOf(body: string, boundary: string | undefined): string {
  const text = body.replace(/\r\n|\r|\n/g, CRLF);
  if (boundary !== undefined && holdsDelimiter(text, boundary)) throw new RangeError('MessageSpec.body contains the MIME boundary');
  return text;
}

function base64Lines(bytes: Uint8Array): string[] {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < all.length; i += 76) lines.push(all.slice(i, i + 76));
  return lines;
}

/** RFC 2045 sections 2.7-2.9: the identity encoding that tells the truth about the bytes. */
function identityEncoding(text: string): '7bit' | '8bit' | 'binary' {
  const lines = text.split(CRLF);
  if (text.includes('\0') || lines.some((l) => l.length > 998 || /[\r\n]/.test(l))) return 'binary';
  return /[\x80-\xff]/.test(text) ? '8bit' : '7bit';
}

function multipartType(want: ReadonlySet<MimeDefect>, boundary: string): string {
  const unterminated = want.has('unparseable-content-type');
  if (!want.has('missing-boundary')) return `multipart/mixed;${CRLF}\tboundary="${boundary}${unterminated ? '' : '"'}`;
  // No boundary left to spoil: a dangling quote on another parameter spoils the value instead.
  return unterminated ? `multipart/mixed;${CRLF}\ttype="text/plain` : 'multipart/mixed';
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function embeddedPart(message: EmbeddedSpec, level: number, boundary: string): string[] {
  const text = latin1(message instanceof Uint8Array ? message : composeAt(message.spec, message.defects ?? [], level + 1));
  if (holdsDelimiter(text, boundary)) throw new RangeError('an embedded message contains the MIME boundary');
  // RFC 2046 section 5.2.1: a message/rfc822 body is never base64 or quoted-printable.
  return ['Content-Type: message/rfc822', `Content-Transfer-Encoding: ${identityEncoding(text)}`, '', text];
}

/** The first level from `level` whose boundary none of the embedded bytes holds (they may be our own composition). */
function freeLevel(level: number, embedded: readonly EmbeddedSpec[]): number {
  const texts = embedded.flatMap((m) => (m instanceof Uint8Array ? [latin1(m)] : []));
  let free = level;
  while (texts.some((t) => holdsDelimiter(t, boundaryAt(free)))) free++;
  return free;
}

function composeAt(spec: MessageSpec, defects: readonly MimeDefect[], level: number): Buffer {
  checkSpec(spec);
  for (const d of defects) if (!MIME_DEFECTS.includes(d)) throw new RangeError(`unknown MIME defect: ${String(d)}`);
  const want = new Set(defects);
  const embedded = spec.embedded ?? [];
  const at = freeLevel(level, embedded);
  const boundary = boundaryAt(at);
  // Both MIME-Version defects at once: none at the top, a bad one on the text part.
  const versionOnPart = want.has('bad-mime-version') && want.has('missing-mime-version');
  // Q293288's malformed charset is on a body part's header, so it makes a multipart too.
  const multipart = spec.tnef !== undefined || embedded.length > 0 || want.has('missing-boundary') || versionOnPart || want.has('bad-charset');
  const encoding = want.has('bad-transfer-encoding') ? 'base65' : '7bit';
  const text = textOf(spec.body, multipart ? boundary : undefined);
  const charset = spec.charset ?? 'us-ascii';

  const head = [`From: ${spec.from}`, `To: ${spec.to}`, `Subject: ${spec.subject}${want.has('eight-bit-header') ? ' caf\xe9' : ''}`];
  if (want.has('header-without-colon')) head.push('X-Mailer Microsoft Exchange');
  head.push(`Date: ${spec.date}`, `Message-ID: <${spec.messageId}>`);
  if (!want.has('missing-mime-version')) head.push(`MIME-Version: ${want.has('bad-mime-version') ? '2.0' : '1.0'}`);
  // RFC 2183 section 2 wants a disposition type: an empty field, as some mailers send it.
  const disposition = want.has('unparseable-content-disposition') ? ['Content-Disposition:'] : [];

  if (!multipart) {
    const quote = want.has('unparseable-content-type') ? '' : '"';
    head.push(`Content-Type: text/plain; charset="${charset}${quote}`, `Content-Transfer-Encoding: ${encoding}`, ...disposition);
    const ending = text === '' || text.endsWith(CRLF) ? '' : CRLF;
    return Buffer.from(head.join(CRLF) + CRLF + CRLF + text + ending, 'latin1');
  }

  head.push(`Content-Type: ${multipartType(want, boundary)}`, ...disposition);
  const textPart = [
    ...(versionOnPart ? ['MIME-Version: 2.0'] : []),
    // Q293288's form: white space around "=" (legal) and an empty quoted-string (no charset name).
    'Content-Type: text/plain;', want.has('bad-charset') ? '\tcharset = ""' : `\tcharset="${charset}"`,
    `Content-Transfer-Encoding: ${encoding}`, '', text,
  ];
  const parts = [textPart, ...embedded.map((m) => embeddedPart(m, at, boundary))];
  if (spec.tnef !== undefined) {
    parts.push([
      'Content-Type: application/ms-tnef;', '\tname="winmail.dat"', 'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment;', '\tfilename="winmail.dat"', '', ...base64Lines(spec.tnef),
    ]);
  }
  const body = [PREAMBLE, '', ...parts.flatMap((p) => [`--${boundary}`, ...p]), `--${boundary}--`, ''];
  return Buffer.from([...head, '', ...body].join(CRLF), 'latin1');
}

export function composeMessage(spec: MessageSpec, defects: readonly MimeDefect[] = []): Buffer {
  return composeAt(spec, defects, 0);
}
