// RFC 2047: header text that is not printable ASCII travels as an encoded-word.

const PRINTABLE = /^[\t\x20-\x7e]*$/;

/** The text as it may stand in a header: unchanged if printable ASCII, else one UTF-8 "B" encoded-word. */
export function headerText(text: string): string {
  if (PRINTABLE.test(text)) return text;
  return `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}
