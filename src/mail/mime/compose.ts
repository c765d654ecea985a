// Message bytes in a writer's spelling (spelling.ts: the Exchange IMS's by default), with chosen
// header defects introduced deterministically.

import { MIME_DEFECTS } from './defects.ts';
import type { MimeDefect } from './defects.ts';
import { MIME_CHARSET } from './params.ts';
import { SPELLINGS, type Spelling, type Writer } from './spelling.ts';
import { spoil, type Spoiling } from './spoilings.ts';

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
  /** Whose spelling (default the Exchange IMS's); a composed embedded message is spelled the same way. */
  readonly writer?: Writer;
  /** How its Content-Type is unparseable, when that is a defect asked for (default the spelling's own way); not passed to an embedded message. */
  readonly spoiling?: Spoiling;
}

const CRLF = '\r\n';

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

/** RFC 2045 sections 2.7-2.9: the identity encoding that tells the truth about the bytes. */
function identityEncoding(text: string): '7bit' | '8bit' | 'binary' {
  const lines = text.split(CRLF);
  if (text.includes('\0') || lines.some((l) => l.length > 998 || /[\r\n]/.test(l))) return 'binary';
  return /[\x80-\xff]/.test(text) ? '8bit' : '7bit';
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function embeddedPart(message: EmbeddedSpec, level: number, boundary: string, s: Spelling, writer: Writer): string[] {
  const text = latin1(message instanceof Uint8Array ? message : composeAt({ writer, ...message.spec, spoiling: 'writer' }, message.defects ?? [], level + 1));
  if (holdsDelimiter(text, boundary)) throw new RangeError('an embedded message contains the MIME boundary');
  // RFC 2046 section 5.2.1: a message/rfc822 body is never base64 or quoted-printable.
  return [...s.embeddedPart(identityEncoding(text)), '', text];
}

/** The first level from `level` whose boundary none of the embedded bytes holds (they may be our own composition). */
function freeLevel(level: number, embedded: readonly EmbeddedSpec[], s: Spelling): number {
  const texts = embedded.flatMap((m) => (m instanceof Uint8Array ? [latin1(m)] : []));
  let free = level;
  while (texts.some((t) => holdsDelimiter(t, s.boundary(free)))) free++;
  return free;
}

function composeAt(spec: MessageSpec, defects: readonly MimeDefect[], level: number): Buffer {
  checkSpec(spec);
  for (const d of defects) if (!MIME_DEFECTS.includes(d)) throw new RangeError(`unknown MIME defect: ${String(d)}`);
  const want = new Set(defects);
  const writer = spec.writer ?? 'exchange';
  const s = SPELLINGS[writer];
  const embedded = spec.embedded ?? [];
  const at = freeLevel(level, embedded, s);
  const boundary = s.boundary(at);
  // Both MIME-Version defects at once: none at the top, a bad one on the text part.
  const versionOnPart = want.has('bad-mime-version') && want.has('missing-mime-version');
  // Q293288's malformed charset is on a body part's header, so it makes a multipart too.
  const multipart = spec.tnef !== undefined || embedded.length > 0 || want.has('missing-boundary') || versionOnPart || want.has('bad-charset');
  const field = (name: string, value: string): string => `${s.name(name)}: ${value}`;
  // The bad encoding on the multipart itself, where the spelling puts it there, else on the text.
  const badOnMultipart = multipart && want.has('bad-transfer-encoding') ? s.badEncoding.multipart : undefined;
  const encoding = field('Content-Transfer-Encoding', want.has('bad-transfer-encoding') && badOnMultipart === undefined ? s.badEncoding.leaf : s.sevenBit);
  const text = textOf(spec.body, multipart ? boundary : undefined);
  const charset = spec.charset ?? 'us-ascii';
  const spoilt = want.has('unparseable-content-type');
  const typed = (good: string, own: () => string): string => (spoilt ? spoil(spec.spoiling ?? 'writer', good, own()) : good);

  const head = [`From: ${spec.from}`, `To: ${spec.to}`, `Subject: ${s.subject(spec.subject)}${want.has('eight-bit-header') ? ' caf\xe9' : ''}`];
  if (want.has('header-without-colon')) head.push(s.noColon);
  head.push(`Date: ${spec.date}`, field('Message-ID', `<${spec.messageId}>`));
  if (!want.has('missing-mime-version')) head.push(field('MIME-Version', want.has('bad-mime-version') ? '2.0' : s.version));
  const disposition = want.has('unparseable-content-disposition') ? [`${s.name('Content-Disposition')}:${s.badDisposition}`] : [];

  if (!multipart) {
    head.push(field('Content-Type', typed(s.text(charset, false), () => s.text(charset, true))), encoding, ...disposition);
    const ending = text === '' || text.endsWith(CRLF) ? '' : CRLF;
    return Buffer.from(head.join(CRLF) + CRLF + CRLF + text + ending, 'latin1');
  }

  const missing = want.has('missing-boundary');
  const forwarding = embedded.length > 0;
  head.push(field('Content-Type', typed(s.multipart(boundary, false, missing, forwarding), () => s.multipart(boundary, true, missing, forwarding))), ...disposition);
  if (badOnMultipart !== undefined) head.push(field('Content-Transfer-Encoding', badOnMultipart));
  const textPart = [
    ...(versionOnPart ? [field('MIME-Version', '2.0')] : []),
    // Q293288's form: white space around "=" (legal) and an empty quoted-string (no charset name).
    field('Content-Type', want.has('bad-charset') ? `text/plain;${CRLF}\tcharset = ""` : s.textPart(charset)),
    encoding, '', text,
  ];
  const parts = [textPart, ...embedded.map((m) => embeddedPart(m, at, boundary, s, writer))];
  if (spec.tnef !== undefined) parts.push(s.tnefPart(spec.tnef));
  const body = [...s.preamble, ...parts.flatMap((p) => [s.delimiter(boundary, false), ...p]), ...(s.closes ? [s.delimiter(boundary, true), ...s.epilogue] : [])];
  return Buffer.from([...head, '', ...body].join(CRLF), 'latin1');
}

export function composeMessage(spec: MessageSpec, defects: readonly MimeDefect[] = []): Buffer {
  return composeAt(spec, defects, 0);
}
