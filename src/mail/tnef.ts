// TNEF (MS-OXTNEF) streams: the winmail.dat the Exchange IMS attaches to outbound mail.

export { TNEF_DEFECTS } from './tnef/format.ts';
export type { TnefAttachment, TnefContent, TnefDefect } from './tnef/format.ts';
export { writeTnef } from './tnef/write.ts';
export { readTnef } from './tnef/read.ts';
export type { TnefReading } from './tnef/read.ts';
export { breakTnef } from './tnef/break.ts';
