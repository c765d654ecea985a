// What each message is, told from the operation that made it: a delivery's arguments, a
// client's submission, or a non-delivery report of another message. The bytes of a message
// also carry the serial and the clock (its Message-ID, Date, subject, sender); those are
// names (canon.ts), so two messages of the same origin behave alike.

import type { History } from '../harness/history.ts';

export type Origins = ReadonlyMap<string, string>;

export function originsOf(h: History): Origins {
  const origins = new Map<string, string>();
  for (const s of h.steps) {
    const id = s.outcome.messageId;
    if (id === undefined) continue;
    if (s.op.op === 'smtp.deliver') {
      const { op: _, ...args } = s.op;
      origins.set(id, `deliver ${JSON.stringify(args)}`);
    } else if (s.op.op === 'client.submit') origins.set(id, `submit ${s.op.from} ${s.op.to}`);
  }
  return origins;
}

/** A message's origin; a report (ndr.<id>) is one of its original's. */
export function originOf(origins: Origins, id: string): string {
  const known = origins.get(id);
  if (known !== undefined) return known;
  if (id.startsWith('ndr.')) return `report of ${originOf(origins, id.slice(4))}`;
  return 'unknown';
}
