// flowsEndToEnd (properties/support.ts) as a monitor: which accepted messages can still decide
// its verdict, and what about them. A message m accepted at m.at is judged once the history
// reaches m.at + FLOW_SECONDS; before then (now - m.at <= FLOW_SECONDS: "unsettled") the
// verdict on it depends on what comes next. Once settled, nothing later changes it but its
// removal by someone else (which only excuses it), so a frontier history (one that holds) has
// no settled message left to worry about. An unsettled message is left out when it can no
// longer count: outside the property's window, excused by a documented defect, the server not
// ready or the directory not answering when it came, an operation other than a probe within
// its minute, or removed by someone else. What is kept: when it came, whom it is for, whether
// it has arrived (then only its mailbox's owner can still matter), and its report.

import { before, type History } from '../../harness/history.ts';
import { directoryReference } from '../../../properties/reference/directory.ts';
import { FLOW_SECONDS, readyForMail } from '../../../properties/support.ts';
import type { OpName } from '../../faults/operations.ts';
import { acknowledged, place } from './ledger.ts';
import type { MonitorContext } from './monitor.ts';

/** support.ts: the operations that only look at the server or give it mail. */
const PROBES = new Set<OpName>(['smtp.deliver', 'time.pass', 'client.logon', 'client.submit']);

export function flowWatch(h: History, ctx: MonitorContext, window: (index: number) => boolean, excused: ReadonlyMap<string, string> | ReadonlySet<string> = new Set()): unknown[] {
  const now = ctx.world.clock.now;
  const readable = directoryReference(h);
  const out: unknown[] = [];
  for (const m of acknowledged(h)) {
    if (now - m.at > FLOW_SECONDS) continue;
    if (!window(m.index) || excused.has(m.id)) continue;
    if (!readable(m.at) || !readyForMail(before(h, m.index))) continue;
    const next = h.steps.find((s) => s.index > m.index && !PROBES.has(s.op.op));
    if (next && next.at < m.at + FLOW_SECONDS) continue;
    const w = ctx.fates.where(m.id);
    if (w.destroyed || w.carried) continue;
    const report = w.returnedBy === undefined ? undefined : ctx.fates.where(w.returnedBy);
    const arrived = m.outbound ? w.arrived.has('Internet') : w.arrived.has('mailbox') || report?.arrived.has('MTS-OUT') === true;
    const box = w.places.find((p) => p.startsWith('mailbox '));
    out.push([ctx.canon.message(m.id), ctx.canon.time(m.at), m.outbound ? null : m.to!.toLowerCase(), arrived, box === undefined ? null : place(box, ctx), ctx.canon.message(w.returnedBy) ?? null]);
  }
  return out;
}
