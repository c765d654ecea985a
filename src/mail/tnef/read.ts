// Judges a TNEF stream against MS-OXTNEF and reads whatever content survives the defects,
// as a tolerant client would: a bad checksum does not stop it, an unknown level is skipped.

import { noteOnce } from '../found.ts';
import {
  LVL_ATTACHMENT, LVL_MESSAGE, attAttachData, attAttachRendData, attAttachTitle, attMessageClass, attSubject,
  attTnefVersion, checksum,
} from './format.ts';
import type { TnefContent, TnefDefect } from './format.ts';
import { scanTnef } from './scan.ts';
import type { RawAttribute } from './scan.ts';

export interface TnefReading { readonly defects: readonly TnefDefect[]; readonly content: TnefContent }

interface Draft { title: string; data: Uint8Array }
const blank = (): Draft => ({ title: '', data: new Uint8Array(0) });

/** Up to the first NUL, one byte per character. */
function stringOf(data: Uint8Array): string {
  const nul = data.indexOf(0);
  return Buffer.from(nul === -1 ? data : data.subarray(0, nul)).toString('latin1');
}

export function readTnef(bytes: Uint8Array): TnefReading {
  const scan = scanTnef(bytes);
  const defects: TnefDefect[] = [];
  let messageClass = '';
  let subject: string | undefined;
  const attachments: Draft[] = [];
  let rendered = false;
  // A title or data without attAttachRendData before it still belongs to some attachment.
  const current = (): Draft => {
    if (attachments.length === 0) attachments.push(blank());
    return attachments[attachments.length - 1]!;
  };

  if (scan.badSignature) noteOnce(defects, 'bad-signature');
  scan.attributes.forEach((a: RawAttribute, i: number) => {
    if (i === 0 && a.id !== attTnefVersion) noteOnce(defects, 'missing-version');
    const data = new Uint8Array(bytes.subarray(a.dataStart, a.dataStart + a.length));
    if (checksum(data) !== a.checksum) noteOnce(defects, 'bad-checksum');
    if (a.level === LVL_MESSAGE) {
      if (a.id === attMessageClass) messageClass = stringOf(data);
      if (a.id === attSubject) subject = stringOf(data);
    } else if (a.level === LVL_ATTACHMENT) {
      if (a.id === attAttachRendData) {
        rendered = true;
        attachments.push(blank());
        return;
      }
      if (!rendered) noteOnce(defects, 'attachment-without-rendering');
      if (a.id === attAttachTitle) current().title = stringOf(data);
      if (a.id === attAttachData) current().data = data;
    } else {
      noteOnce(defects, 'bad-level');
    }
  });
  // A stream that ends cleanly before any attribute still lacks its version.
  if (!scan.badSignature && !scan.truncated && scan.attributes.length === 0) noteOnce(defects, 'missing-version');
  if (scan.truncated) noteOnce(defects, 'truncated');

  const content: TnefContent = subject === undefined ? { messageClass, attachments } : { messageClass, subject, attachments };
  return { defects, content };
}
