// How a mailer spells a message: the same structure and the same defects, in its own words.
// The Exchange IMS's spelling; another mailer's (header names in other cases, comments,
// unquoted parameters, RFC 2231 continuations and encodings, shorter base64 lines, no preamble,
// transport padding and an epilogue); and an unusual one's (nested comments, quoted-pairs,
// RFC 2231 sections out of order, a winmail.dat in quoted-printable, a digest, a preamble of
// dashes, no line break after the close delimiter); and a careless one's (its last part left
// open, a winmail.dat known by its type alone). A defect is written as the IMS writes it unless a
// spelling has its own words for it. Every other form is one a reader must accept (RFC 2045,
// 2046, 2183, 2231, 5322), or, for the careless one's open last part, a body defect (RFC 2046
// section 5.1.1 requires the close delimiter; Python's email calls its absence
// CloseBoundaryNotFoundDefect) that no header judge counts and readers read through. So a reader
// finds the same header defects in every spelling; one that finds others misreads real mail.

export const WRITERS = ['exchange', 'other', 'unusual', 'careless'] as const;
export type Writer = (typeof WRITERS)[number];

const CRLF = '\r\n';

export interface Spelling {
  /** A header field's name, from its usual form ('Content-Type'). */
  name(usual: string): string;
  /** The value of a good MIME-Version field. */
  readonly version: string;
  /** The Subject field's value: folded, or on one line. */
  subject(text: string): string;
  /** The boundary of a multipart at a nesting level. */
  boundary(level: number): string;
  /** Content-Type of a text entity; `spoiled`: not parseable (its unparseable-content-type). */
  text(charset: string, spoiled: boolean): string;
  /** Content-Type of the text part of a multipart (Q293288's malformed charset is in Exchange's own words either way). */
  textPart(charset: string): string;
  /** Content-Type of a multipart: spoiled, without a boundary, or both; `forwarding`: it holds forwarded messages. */
  multipart(boundary: string, spoiled: boolean, boundaryMissing: boolean, forwarding: boolean): string;
  /** The transfer encoding of a text in 7bit. */
  readonly sevenBit: string;
  /**
   * Its bad-transfer-encoding: a value no entity may have (`leaf`), and, when the message is a
   * multipart, a value the multipart itself may not have (RFC 2045 section 6.4) if the spelling
   * puts the defect there rather than on the text part.
   */
  readonly badEncoding: { readonly leaf: string; readonly multipart?: string };
  /** Its header-without-colon: a line that is no field. */
  readonly noColon: string;
  /** Its unparseable-content-disposition: the field's value, after the colon. */
  readonly badDisposition: string;
  /** The header fields of a winmail.dat part and its encoded body lines. */
  tnefPart(bytes: Uint8Array): string[];
  /** The header fields of a message/rfc822 part whose text is in `encoding` (7bit, 8bit, binary). */
  embeddedPart(encoding: string): string[];
  /** Lines before the first delimiter. */
  readonly preamble: readonly string[];
  /** A delimiter line (`close`: the last one). */
  delimiter(boundary: string, close: boolean): string;
  /** Lines after the close delimiter. */
  readonly epilogue: readonly string[];
  /** Whether the last part ends with the close delimiter (RFC 2046 section 5.1.1 requires it). */
  readonly closes: boolean;
}

/** Base64 in lines of `width` characters (RFC 2045 section 6.8: at most 76). */
function base64Lines(bytes: Uint8Array, width: number): string[] {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < all.length; i += width) lines.push(all.slice(i, i + width));
  return lines;
}

/** As the Exchange IMS wrote it: CRLF, quoted "----=_NextPart" boundaries, folded parameters, winmail.dat in base64. */
export const EXCHANGE: Spelling = {
  name: (usual) => usual,
  version: '1.0',
  subject: (text) => text,
  // Each level of nesting has a boundary of its own, as Outlook and the IMS numbered them.
  boundary: (level) => `----=_NextPart_${String(level).padStart(3, '0')}_0001_01BE7E5A.5C2AEAA0`,
  text: (charset, spoiled) => `text/plain; charset="${charset}${spoiled ? '' : '"'}`,
  textPart: (charset) => `text/plain;${CRLF}\tcharset="${charset}"`,
  multipart: (boundary, spoiled, boundaryMissing) => {
    if (!boundaryMissing) return `multipart/mixed;${CRLF}\tboundary="${boundary}${spoiled ? '' : '"'}`;
    // No boundary left to spoil: a dangling quote on another parameter spoils the value instead.
    return spoiled ? `multipart/mixed;${CRLF}\ttype="text/plain` : 'multipart/mixed';
  },
  sevenBit: '7bit',
  badEncoding: { leaf: 'base65' },
  noColon: 'X-Mailer Microsoft Exchange',
  // RFC 2183 section 2 wants a disposition type: an empty field, as some mailers send it.
  badDisposition: '',
  tnefPart: (bytes) => [
    'Content-Type: application/ms-tnef;', '\tname="winmail.dat"', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment;', '\tfilename="winmail.dat"', '', ...base64Lines(bytes, 76),
  ],
  embeddedPart: (encoding) => ['Content-Type: message/rfc822', `Content-Transfer-Encoding: ${encoding}`],
  preamble: ['This is a multi-part message in MIME format.', ''],
  delimiter: (boundary, close) => `--${boundary}${close ? '--' : ''}`,
  epilogue: [''],
  closes: true,
};

const OTHER_NAMES: Readonly<Record<string, string>> = { 'MIME-Version': 'Mime-Version', 'Message-ID': 'Message-Id', 'Content-Type': 'content-type', 'Content-Transfer-Encoding': 'Content-transfer-encoding' };

/**
 * Another mailer's words for the same message. A winmail.dat that passed through it is labelled
 * application/octet-stream: only its name, in RFC 2231 sections (the first with a charset, a
 * language and a %-escape), says it is TNEF (assumption A-TNEF-BY-NAME).
 */
export const OTHER: Spelling = {
  name: (usual) => OTHER_NAMES[usual] ?? usual,
  version: '1.0 (produced by another mailer)',
  subject: (text) => {
    // Folded before its first space that has words on both sides (RFC 5322 section 2.2.3).
    const at = text.search(/(?<=[^ \t]) (?=[^ \t])/);
    return at < 0 ? text : `${text.slice(0, at)}${CRLF}${text.slice(at)}`;
  },
  boundary: (level) => `b${level}.01BE7E5A-other`,
  // Spoiled: a comment that never closes (RFC 822 section 3.4.3), so no lexer can read the field.
  text: (charset, spoiled) => `TEXT/Plain (body text); Charset=${charset}${spoiled ? ' (no end' : ''}`,
  textPart: (charset) => `text/plain; charset=${charset}`,
  multipart: (boundary, spoiled, boundaryMissing) => `Multipart/Mixed${boundaryMissing ? '' : `;${CRLF} boundary=${boundary}`}${spoiled ? ' (no end' : ''}`,
  sevenBit: '7BIT',
  badEncoding: EXCHANGE.badEncoding,
  noColon: EXCHANGE.noColon,
  badDisposition: EXCHANGE.badDisposition,
  tnefPart: (bytes) => [
    `content-type: application/octet-stream;${CRLF} name*0*=us-ascii'en'win%6Dail; name*1=".dat"`, 'Content-transfer-encoding: Base64 (winmail.dat)',
    'Content-Disposition: attachment (as received)', '', ...base64Lines(bytes, 64),
  ],
  // 7bit is what a part without the field has (RFC 2045 section 6.1).
  embeddedPart: (encoding) => ['content-type: Message/RFC822', ...(encoding === '7bit' ? [] : [`Content-transfer-encoding: ${encoding}`])],
  preamble: [],
  // Padding a transport added after a delimiter, which readers must accept (RFC 2046 section 5.1.1).
  delimiter: (boundary, close) => `--${boundary}${close ? '--' : ''}  `,
  epilogue: ['', 'End of the message.', ''],
  closes: true,
};

/** A quoted-string with its first character as a quoted-pair (RFC 822 section 3.4.4). */
const quotedPair = (text: string): string => `"\\${text}"`;

/** RFC 2231 section 7's ext-octets: every octet but an attribute-char %-escaped. */
const percent = (text: string): string => [...text].map((c) => (/[A-Za-z0-9!#$&+.^_`{|}~-]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** RFC 2045 section 6.7: every octet that is not printable, or is '=' or a blank, as =XX; soft line breaks keep lines within 76 characters. */
function quotedPrintableLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    const token = b > 0x20 && b < 0x7f && b !== 0x3d ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  }
  lines.push(line);
  return lines;
}

/**
 * A third mailer's words, unusual but each one legal: names in capitals, nested comments and
 * quoted-pairs, an RFC 2231 charset with neither charset nor language, a winmail.dat in
 * quoted-printable known only by a filename in RFC 2231 sections given out of order (the first
 * in an alias of US-ASCII no decoder knows), forwarded messages untyped in a multipart/digest,
 * transport padding with a tab, a preamble of bare dashes, and nothing after the close
 * delimiter. Its own words for four defects: a quoted mechanism, or a multipart in base64
 * (which the store splits as it stands: assumption A-MULTIPART-AS-IT-STANDS); a field name with
 * no colon after it; a disposition holding a DEL; and, for an unparseable Content-Type, a
 * parameter named twice (RFC 6838 section 4.3).
 */
export const UNUSUAL: Spelling = {
  name: (usual) => usual.toUpperCase(),
  version: '1.0 (made (by) an unusual mailer)',
  subject: (text) => text,
  boundary: (level) => `u${level}=_unusual.01BE7E5A`,
  text: (charset, spoiled) => `text/plain (plain \\(nested (comment\\)) text); charset*=''${percent(charset)}${spoiled ? `; format=fixed; format=fixed` : ''}`,
  textPart: (charset) => `text/plain; charset=${quotedPair(charset)}`,
  // Forwarded messages go in a digest, where a body part is a message unless typed otherwise.
  multipart: (boundary, spoiled, boundaryMissing, forwarding) => {
    const given = boundaryMissing ? '' : `;${CRLF}\tboundary=${quotedPair(boundary)}`;
    return `multipart/${forwarding ? 'digest' : 'mixed'} (several \\) parts (nested))${given}${spoiled ? `;${CRLF}\treport-type=mixed; report-type=mixed` : ''}`;
  },
  sevenBit: '(ascii) 7bit',
  badEncoding: { leaf: '"7bit"', multipart: 'Base64' },
  noColon: 'X-Mailer',
  badDisposition: ' attachment\x7f',
  tnefPart: (bytes) => [
    'CONTENT-TYPE: application/octet-stream (a file)', 'CONTENT-TRANSFER-ENCODING: Quoted-Printable',
    `CONTENT-DISPOSITION: attachment;${CRLF}\tfilename*0*=ISO646-US'en-us'win%6D%61il; filename*2=at;${CRLF}\tfilename*1*=%2E%64`,
    '', ...quotedPrintableLines(bytes),
  ],
  // Untyped in its digest (RFC 2046 section 5.1.5), its identity encoding with a comment.
  embeddedPart: (encoding) => [`CONTENT-TRANSFER-ENCODING: ${encoding.toUpperCase()} (as forwarded)`],
  preamble: ['--', '-- ', 'A message in MIME format.'],
  delimiter: (boundary, close) => `--${boundary}${close ? '--' : ''} \t`,
  // RFC 2046 section 5.1.1: CRLF and an epilogue after the close delimiter are optional.
  epilogue: [],
  closes: true,
};

/**
 * A careless mailer: the IMS's words, but its last part is left open (no close delimiter, which
 * RFC 2046 requires: a body defect, and readers keep the part to the end), and its winmail.dat
 * is named ATT00001.dat, as Outlook names an attachment it has no name for, so only its type
 * says it is TNEF.
 */
export const CARELESS: Spelling = {
  ...EXCHANGE,
  tnefPart: (bytes) => [
    'Content-Type: application/ms-tnef;', '\tname="ATT00001.dat"', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment;', '\tfilename="ATT00001.dat"', '', ...base64Lines(bytes, 76),
  ],
  closes: false,
};

export const SPELLINGS: Readonly<Record<Writer, Spelling>> = { exchange: EXCHANGE, other: OTHER, unusual: UNUSUAL, careless: CARELESS };
