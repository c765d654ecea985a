// What a strict reader may hold against a message's headers (RFC 5322, RFC 2045-2047, RFC 2183,
// RFC 2231). Each is found in one entity's header: the message's own or a body part's.

export type MimeDefect =
  | 'header-without-colon'      // a header line that is neither "name: value" nor a folded continuation
  | 'eight-bit-header'          // a raw byte > 0x7F in the header section
  | 'bad-mime-version'          // MIME-Version present but not 1.0
  | 'missing-mime-version'      // Content-Type present but no MIME-Version, at the top of a message
  | 'unparseable-content-type'  // Content-Type outside RFC 2045 section 5.1 / RFC 2231 section 7
  | 'missing-boundary'          // multipart/* without a usable boundary (absent, empty, not RFC 2046 5.1.1 bchars)
  | 'bad-transfer-encoding'     // Content-Transfer-Encoding not a mechanism of RFC 2045 6.1, or not one the type allows (6.4)
  | 'bad-charset'               // a charset parameter that is no charset name (RFC 2978 2.3): empty, spaces...
  | 'unparseable-content-disposition'; // Content-Disposition outside RFC 2183 section 2 / RFC 2231 section 7

export const MIME_DEFECTS: readonly MimeDefect[] = [
  'header-without-colon',
  'eight-bit-header',
  'bad-mime-version',
  'missing-mime-version',
  'unparseable-content-type',
  'missing-boundary',
  'bad-transfer-encoding',
  'bad-charset',
  'unparseable-content-disposition',
];
