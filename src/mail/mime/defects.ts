// What a strict reader may hold against a message's headers.

export type MimeDefect =
  | 'header-without-colon'      // a header line that is neither "name: value" nor a folded continuation
  | 'eight-bit-header'          // a raw byte > 0x7F in the header section
  | 'bad-mime-version'          // MIME-Version present but not 1.0
  | 'missing-mime-version'      // Content-Type present but no MIME-Version
  | 'unparseable-content-type'  // Content-Type that `content-type`'s parse() rejects
  | 'missing-boundary'          // multipart/* without a boundary parameter
  | 'bad-transfer-encoding';    // Content-Transfer-Encoding other than 7bit, 8bit, binary, quoted-printable, base64

export const MIME_DEFECTS: readonly MimeDefect[] = [
  'header-without-colon',
  'eight-bit-header',
  'bad-mime-version',
  'missing-mime-version',
  'unparseable-content-type',
  'missing-boundary',
  'bad-transfer-encoding',
];
