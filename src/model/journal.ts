// What can be seen happening on the server, in the order it happened: the raw material of a
// timeline and of every checker. Each part of the model writes what it does here; nothing
// here decides anything.

import type { EventRecord } from './eventlog.ts';
import type { ServiceState } from './scm.ts';

export type Observation =
  | { kind: 'smtp'; side: 'client' | 'server'; line: string }
  | { kind: 'connection'; outcome: 'refused' | 'closed' | 'dropped'; why: string }
  | { kind: 'service'; service: string; from: ServiceState; to: ServiceState; why: string }
  | { kind: 'event'; entry: EventRecord }
  | { kind: 'dialog'; text: string }
  /** `destroyed`: the messages (or file names) removed with the directory; `carried`: those a rename took with it. */
  | { kind: 'directory'; change: 'created' | 'removed' | 'renamed'; path: string; to?: string; by: string; destroyed?: string[]; carried?: string[] }
  /** `messageId`: the message the file holds, when it holds one. */
  | { kind: 'file'; change: 'written' | 'moved' | 'deleted'; path: string; to?: string; by: string; messageId?: string }
  | { kind: 'failed'; action: string; path: string; by: string; error: string }
  | { kind: 'disk'; change: 'filled' | 'freed'; freeBytes: number }
  | { kind: 'acl'; path: string; group: string; permission: string | null; by: string }
  | { kind: 'recipient'; change: 'created' | 'deleted' | 'retyped'; name: string; recipientKind: string; id: string; destroyed?: string[] }
  | { kind: 'admin-mailbox'; shown: string | null; pointer: string | null; by: string }
  /** A message enters or leaves a queue, a mailbox or the Internet; `returns`: a non-delivery report's original. */
  | { kind: 'queue'; queue: string; change: 'added' | 'removed'; messageId: string; returns?: string }
  | { kind: 'logon'; client: string; result: 'completed' | 'does not complete' | 'failed'; why?: string }
  | { kind: 'store-thread'; thread: number; state: 'rewinding' | 'terminated' | 'idle' | 'failed'; messageId?: string }
  | { kind: 'release'; name: string }
  | { kind: 'note'; text: string };

export type Timed<T> = T & { readonly at: number };
export type Seen = Timed<Observation>;

export class Journal {
  private entries: Seen[] = [];

  constructor(private readonly now: () => number) {}

  /** Stamps `o` with the time in place (every caller passes a fresh literal: a copy per observation was a tenth of a step). */
  record(o: Observation): void {
    (o as { at?: number }).at = this.now();
    this.entries.push(o as Seen);
  }

  /** Everything recorded since the last drain. */
  drain(): Seen[] {
    const out = this.entries;
    this.entries = [];
    return out;
  }
}
