// The checkers' account of every message (properties/fates.ts), canonical: where each one is,
// whether a report returns it, whether someone other than the server removed it; the files
// and queue counts as recorded; and which messages the server acknowledged. INV-1 and LIV-1
// decide from this, and every exploration is judged by them, so it is in every fingerprint.

import type { History } from '../../harness/history.ts';
import { fatesTables } from '../private.ts';
import { originOf } from '../origins.ts';
import type { MonitorContext } from './monitor.ts';

/** A place as Fates names it (`file <path>`, `mailbox <object>`, a queue), canonical. */
export function place(p: string, ctx: MonitorContext): string {
  if (p.startsWith('file ')) return `file ${ctx.canon.path(p.slice(5))}`;
  if (p.startsWith('mailbox ')) return `mailbox ${ctx.canon.object(p.slice(8))}`;
  return p;
}

/** Messages the server took responsibility for: a 250 at the end of DATA, or a client's message queued. */
export function acknowledged(h: History): { id: string; index: number; at: number; outbound: boolean; to?: string }[] {
  return h.steps.flatMap((s) =>
    s.outcome.accepted && s.outcome.messageId !== undefined
      ? [{ id: s.outcome.messageId, index: s.index, at: s.at, outbound: s.op.op === 'client.submit', ...(s.op.op === 'smtp.deliver' ? { to: s.op.to } : {}) }]
      : [],
  );
}

export function ledger(h: History, ctx: MonitorContext): unknown {
  const { fates, canon } = ctx;
  const { files, queued } = fatesTables(fates);
  return {
    files: [...files.values()].map((f) => [canon.path(f.path), canon.message(f.id) ?? null]).sort(byJson),
    queued: [...queued.entries()].filter(([, n]) => n !== 0).map(([q, n]) => [place(q, ctx), n]).sort(byJson),
    messages: fates.ids().map((id) => {
      const w = fates.where(id);
      return [canon.message(id), originOf(ctx.origins, id), w.places.map((p) => place(p, ctx)).sort(), canon.message(w.returnedBy) ?? null, w.destroyed !== undefined, w.carried !== undefined];
    }),
    acknowledged: acknowledged(h).map((m) => [canon.message(m.id), originOf(ctx.origins, m.id), m.outbound]),
  };
}

export function byJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
