// The Administrator program as the checkers understand it, built from the operations and what
// the program said it did (ok or not), never from the model's pointer: recipients by name, each
// a directory object of its own (deleted and created again under the same name, it is a new
// object), and the administrator mailbox as the object last chosen and confirmed with OK.

import type { Op } from '../../src/faults/operations.ts';
import type { History } from '../../src/harness/history.ts';
import { performed } from '../performed.ts';

/** What the administrator mailbox's pointer must name. */
export type MailboxState = 'not-set' | 'missing' | 'not-a-mailbox' | 'mailbox';

export interface AdminView {
  readonly state: MailboxState;
  /** The name the Administrator program shows on the Internet Mail tab. */
  readonly shown: string | null;
}

export interface DirectoryObject {
  readonly name: string;
  kind: string;
  deleted: boolean;
}

/** The program's book: the directory objects and the administrator mailbox, one operation at a time. */
export class AdministratorBook {
  readonly objects: DirectoryObject[];
  /** The object the pointer names (deleted or not), if any. */
  pointer: DirectoryObject | undefined;
  shown: string | null;

  constructor(h: History) {
    this.objects = h.initial.recipients.map((r) => ({ name: r.name, kind: r.kind, deleted: false }));
    // Installation chose the mailbox it shows.
    this.pointer = h.initial.adminMailboxShown === null ? undefined : this.live(h.initial.adminMailboxShown);
    this.shown = h.initial.adminMailboxShown;
  }

  view(): AdminView {
    const p = this.pointer;
    return { state: !p ? 'not-set' : p.deleted ? 'missing' : p.kind === 'mailbox' ? 'mailbox' : 'not-a-mailbox', shown: this.shown };
  }

  /** One operation the program (or the directory) carried out; failed ones change nothing. */
  apply(op: Op, ok: boolean): void {
    if (!ok) return;
    switch (op.op) {
      case 'recipient.create': this.create(op.name, op.kind); break;
      case 'recipient.delete': this.live(op.name)!.deleted = true; break;
      case 'recipient.recreate': {
        const old = this.live(op.name);
        if (old) old.deleted = true;
        this.create(op.name, op.kind);
        break;
      }
      case 'recipient.retype': this.live(op.name)!.kind = op.kind; break;
      case 'adminMailbox.clear': this.pointer = undefined; this.shown = null; break;
      case 'adminMailbox.set': this.pointer = this.live(op.name); this.shown = this.pointer?.name ?? op.name; break;
      case 'adminMailbox.reset': this.pointer = this.shown === null ? undefined : this.live(this.shown); break;
      default:
    }
  }

  private live(name: string): DirectoryObject | undefined {
    return this.objects.find((o) => !o.deleted && o.name.toLowerCase() === name.toLowerCase());
  }

  private create(name: string, kind: string): void {
    this.objects.push({ name, kind, deleted: false });
  }
}

/** The administrator mailbox as it must be just before each step (index), and after the last (index = steps). */
export function administratorReference(h: History): (index: number) => AdminView {
  const book = new AdministratorBook(h);
  const states: AdminView[] = [];
  const byStep = performed(h);
  for (let index = 0; index <= h.steps.length; index++) {
    states.push(book.view());
    for (const { op, outcome } of byStep[index] ?? []) book.apply(op, outcome.ok);
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
