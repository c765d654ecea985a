// Content-Transfer-Encoding undone. The text is latin1, i.e. one character per raw byte.

function fromQuotedPrintable(text: string): Buffer {
  const unwrapped = text.replace(/=\r?\n/g, ''); // soft line breaks
  return Buffer.from(unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

/** Unknown encodings are taken as they stand, as a tolerant reader would. */
export function decodeBody(text: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(text, 'base64'); // Node skips line breaks and stray characters
  if (encoding === 'quoted-printable') return fromQuotedPrintable(text);
  return Buffer.from(text, 'latin1');
}
