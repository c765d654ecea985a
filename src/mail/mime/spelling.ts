// How a mailer spells a message: the same structure and the same defects, in its own words.
// The Exchange IMS's spelling, and another mailer's: header names in other cases, comments,
// unquoted parameters, RFC 2231 continuations and encodings, shorter base64 lines, no preamble,
// transport padding and an epilogue. Each defect is written as the IMS's spelling writes it,
// but an unparseable Content-Type, which each spoils its own way. Every other form is one a
// reader must accept (RFC 2045, 2046, 2183, 2231, 5322), so a reader finds the same defects in
// either spelling; one that finds others misreads real mail.

export const WRITERS = ['exchange', 'other'] as const;
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
  /** Content-Type of a multipart: spoiled, without a boundary, or both. */
  multipart(boundary: string, spoiled: boolean, boundaryMissing: boolean): string;
  /** The transfer encoding of a text in 7bit. */
  readonly sevenBit: string;
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
  tnefPart: (bytes) => [
    'Content-Type: application/ms-tnef;', '\tname="winmail.dat"', 'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment;', '\tfilename="winmail.dat"', '', ...base64Lines(bytes, 76),
  ],
  embeddedPart: (encoding) => ['Content-Type: message/rfc822', `Content-Transfer-Encoding: ${encoding}`],
  preamble: ['This is a multi-part message in MIME format.', ''],
  delimiter: (boundary, close) => `--${boundary}${close ? '--' : ''}`,
  epilogue: [''],
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
};

export const SPELLINGS: Readonly<Record<Writer, Spelling>> = { exchange: EXCHANGE, other: OTHER };
