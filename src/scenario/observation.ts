// One observation as a person reads it: a short label, one line of text, and for the texts
// the articles quote (event descriptions, dialogs) every line of the text, exactly.

import type { Observation } from '../model/journal.ts';
import type { Snapshot } from '../model/snapshot.ts';

export interface ObservationText {
  readonly label: string;
  readonly text: string;
  /** A quoted text, line by line (event description, dialog). */
  readonly quoted?: readonly string[];
}

/** Directory objects by id (deleted ones too), as far as the timeline has seen them. */
export type RecipientNames = (id: string, detail?: boolean) => string;

/** The directory objects a timeline has seen: those listed at the start, then each created, deleted or retyped. */
export class RecipientBook {
  private readonly objects = new Map<string, { name: string; kind: string; deleted: boolean }>();

  constructor(initial: Snapshot) {
    for (const r of initial.recipients) this.objects.set(r.id, { name: r.name, kind: r.kind, deleted: false });
  }

  observe(o: Observation): void {
    if (o.kind !== 'recipient') return;
    this.objects.set(o.id, { name: o.name, kind: o.recipientKind, deleted: o.change === 'deleted' });
  }

  readonly names: RecipientNames = (id, detail = false) => {
    const r = this.objects.get(id);
    if (!r) return id;
    return detail ? `${r.name} (${r.deleted ? `deleted ${r.kind}` : r.kind}, ${id})` : r.name;
  };
}

export function describeObservation(o: Observation, names: RecipientNames): ObservationText {
  switch (o.kind) {
    case 'smtp': return { label: 'smtp', text: `${o.side === 'client' ? 'C:' : 'S:'} ${o.line}` };
    case 'connection': return { label: 'smtp', text: `connection ${o.outcome}: ${o.why}` };
    case 'service': return { label: 'service', text: `${o.service} ${o.from} -> ${o.to} (${o.why})` };
    case 'event': {
      const e = o.entry;
      const text = e.text === null ? ['(no text: the article gives none)'] : e.text.split('\n');
      return {
        label: 'event',
        text: `${e.id} ${e.source} ${e.type}, category ${e.category ?? '(none)'}, record ${e.record}`,
        quoted: e.data === undefined ? text : [...text, `[data] ${e.data}`],
      };
    }
    case 'dialog': return { label: 'dialog', text: 'Control Panel Services shows:', quoted: o.text.split('\n') };
    case 'directory': {
      const what = o.change === 'renamed' ? `renamed ${o.path} to ${o.to}` : `${o.change} ${o.path}`;
      const destroyed = o.destroyed?.length ? `, destroying ${o.destroyed.join(', ')}` : '';
      const carried = o.carried?.length ? `, carrying ${o.carried.join(', ')} away with it` : '';
      return { label: 'dir', text: `${what} by ${o.by}${destroyed}${carried}` };
    }
    case 'file': return { label: 'file', text: `${o.change} ${o.path}${o.to ? ` -> ${o.to}` : ''} by ${o.by}${o.messageId ? ` [${o.messageId}]` : ''}` };
    case 'failed': return { label: 'failed', text: `${o.by} could not ${o.action} ${o.path}: ${o.error}` };
    case 'disk': return { label: 'disk', text: `${o.change}: ${bytes(o.freeBytes)} free` };
    case 'acl': return { label: 'acl', text: `${o.path}: ${o.group} ${o.permission === null ? 'entry removed' : `-> ${o.permission}`} by ${o.by}` };
    case 'recipient': {
      const destroyed = o.destroyed?.length ? `, destroying ${o.destroyed.join(', ')}` : '';
      return { label: 'recipient', text: `${o.change} ${o.name} (${o.recipientKind}, ${o.id})${destroyed}` };
    }
    case 'admin-mailbox': return { label: 'admin', text: `administrator mailbox shows ${o.shown ?? '(none)'}, points at ${o.pointer === null ? 'nothing' : names(o.pointer, true)}; by ${o.by}` };
    case 'queue': return { label: 'queue', text: `${queueName(o.queue, names)} ${o.change === 'added' ? '+' : '-'} ${o.messageId}` };
    case 'logon': return { label: 'logon', text: `${o.client}: ${o.result}${o.why ? ` (${o.why})` : ''}` };
    case 'store-thread': return { label: 'store', text: `thread ${o.thread} ${o.state}${o.messageId ? ` on ${o.messageId}` : ''}` };
    case 'release': return { label: 'release', text: `now ${o.name}` };
    case 'note': return { label: 'note', text: o.text };
  }
}

function queueName(queue: string, names: RecipientNames): string {
  const box = /^mailbox (.+)$/.exec(queue);
  return box ? `mailbox of ${names(box[1]!)}` : queue;
}

export function bytes(n: number): string {
  const MiB = 1024 * 1024;
  return n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}
