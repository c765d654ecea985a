// The Administrator program as the checkers understand it, built from the operations and what
// the program said it did (ok or not), never from the model's pointer: recipients by name, each
// a directory object of its own (deleted and created again under the same name, it is a new
// object), and the administrator mailbox as the object last chosen and confirmed with OK.

import type { History } from '../../src/harness/history.ts';
import { performed } from '../performed.ts';

/** What the administrator mailbox's pointer must name. */
export type MailboxState = 'not-set' | 'missing' | 'not-a-mailbox' | 'mailbox';

export interface AdminView {
  readonly state: MailboxState;
  /** The name the Administrator program shows on the Internet Mail tab. */
  readonly shown: string | null;
}

interface DirectoryObject {
  readonly name: string;
  kind: string;
  deleted: boolean;
}

/** The administrator mailbox as it must be just before each step (index), and after the last (index = steps). */
export function administratorReference(h: History): (index: number) => AdminView {
  const objects: DirectoryObject[] = h.initial.recipients.map((r) => ({ name: r.name, kind: r.kind, deleted: false }));
  const live = (name: string) => objects.find((o) => !o.deleted && o.name.toLowerCase() === name.toLowerCase());
  // Installation chose the mailbox it shows.
  let pointer = h.initial.adminMailboxShown === null ? undefined : live(h.initial.adminMailboxShown);
  let shown = h.initial.adminMailboxShown;
  const view = (): AdminView => ({
    state: !pointer ? 'not-set' : pointer.deleted ? 'missing' : pointer.kind === 'mailbox' ? 'mailbox' : 'not-a-mailbox',
    shown,
  });
  const create = (name: string, kind: string) => objects.push({ name, kind, deleted: false });
  const states: AdminView[] = [];
  const byStep = performed(h);
  for (let index = 0; index <= h.steps.length; index++) {
    states.push(view());
    for (const { op, outcome } of byStep[index] ?? []) {
      if (!outcome.ok) continue;
      switch (op.op) {
        case 'recipient.create': create(op.name, op.kind); break;
        case 'recipient.delete': live(op.name)!.deleted = true; break;
        case 'recipient.recreate': {
          const old = live(op.name);
          if (old) old.deleted = true;
          create(op.name, op.kind);
          break;
        }
        case 'recipient.retype': live(op.name)!.kind = op.kind; break;
        case 'adminMailbox.clear': pointer = undefined; shown = null; break;
        case 'adminMailbox.set': pointer = live(op.name); shown = pointer?.name ?? op.name; break;
        case 'adminMailbox.reset': pointer = shown === null ? undefined : live(shown); break;
        default:
      }
    }
  }
  return (index) => states[Math.min(index, states.length - 1)]!;
}

/**
 * Whether, before step `index`, the administrator last chose a mailbox with `how` (setting it,
 * or changing it away and back) so that this reference finds a mailbox behind the pointer, and
 * the pointer still names one just before the step. A resolution's claim ("select a valid
 * mailbox, then start") judges only such starts: a history may restart without one.
 */
export function mailboxChosenBefore(h: History, index: number, how: 'adminMailbox.set' | 'adminMailbox.reset' = 'adminMailbox.set'): boolean {
  const ref = administratorReference(h);
  const chose = h.steps.slice(0, index).findLast((s) => s.op.op === how);
  return chose !== undefined && ref(chose.index + 1).state === 'mailbox' && ref(index).state === 'mailbox';
}
