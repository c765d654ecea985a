// RFC 5322 / MIME message bytes, composed as the Exchange IMS wrote them and judged strictly.

export { MIME_DEFECTS } from './mime/defects.ts';
export type { MimeDefect } from './mime/defects.ts';
export { composeMessage } from './mime/compose.ts';
export { headerText } from './mime/encodedWord.ts';
export type { EmbeddedSpec, MessageSpec } from './mime/compose.ts';
export { WRITERS } from './mime/spelling.ts';
export type { Writer } from './mime/spelling.ts';
export { SPOILINGS } from './mime/spoilings.ts';
export type { Spoiling } from './mime/spoilings.ts';
export { readMime, messageIdOf } from './mime/read.ts';
export type { EmbeddedMessage, MimeCharset, MimeFinding, MimeReading, PartPath } from './mime/read.ts';
