// The bytes a remote host sends for an smtp.deliver operation: a real MIME message, with a
// real TNEF winmail.dat when asked, and the named defects put into the bytes themselves.

import { rfc5322Date } from '../model/calendar.ts';
import { composeMessage } from '../mail/mime.ts';
import { breakTnef, writeTnef } from '../mail/tnef.ts';
import type { OpOf } from './operations.ts';

export const REMOTE_DOMAIN = 'remote.example';

export function inboundMessage(op: OpOf<'smtp.deliver'>, serial: number, domain: string, now: number): { messageId: string; from: string; to: string; bytes: Buffer } {
  const messageId = `${serial}.${now}@${REMOTE_DOMAIN}`;
  const subject = `Message ${serial}`;
  const from = `sender${serial}@${REMOTE_DOMAIN}`;
  const to = `${op.to.toLowerCase().replace(/[^a-z0-9]/g, '')}@${domain}`;
  let tnef: Buffer | undefined;
  if (op.tnef !== 'none') {
    const good = writeTnef({ messageClass: 'IPM.Microsoft Mail.Note', subject, attachments: [{ title: `report${serial}.doc`, data: Buffer.from(`report ${serial}\r\n`) }] }, serial & 0xffff);
    tnef = op.tnef === 'good' ? good : breakTnef(good, op.tnef);
  }
  const bytes = composeMessage(
    { messageId, from, to, subject, date: rfc5322Date(now), body: `Hello from ${REMOTE_DOMAIN}.`, ...(tnef ? { tnef } : {}) },
    op.mime === 'good' ? [] : [op.mime],
  );
  return { messageId, from, to, bytes };
}
