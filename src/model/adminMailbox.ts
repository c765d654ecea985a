// The IMS's administrator mailbox, held twice: the name the Administrator program shows on
// the Internet Mail tab, and the internal pointer to a directory object that the service
// uses. They agree when set; they drift apart when the object behind the name is replaced.

import type { Directory, Recipient } from './directory.ts';
import type { Journal } from './journal.ts';
import type { AdminMailboxFault } from './versions.ts';

export type Resolution = { readonly ok: true; readonly mailbox: Recipient } | { readonly ok: false; readonly fault: AdminMailboxFault };

export class AdminMailboxSetting {
  shown: string | null = null;
  pointer: string | null = null;

  constructor(protected readonly directory: Directory, protected readonly journal: Journal) {}

  /**
   * The Administrator program: pick a recipient from the address book (or clear the field)
   * and press OK. OK writes both the shown name and the pointer to the chosen object.
   * Returns false when the choice cannot be made (no such recipient, or no directory).
   */
  choose(displayName: string | null): boolean {
    if (!this.directory.readable()) return false;
    if (displayName === null) {
      this.write(null, null);
      return true;
    }
    const r = this.directory.live(displayName);
    if (!r) return false;
    this.write(r.displayName, r.id);
    return true;
  }

  /** Setup: the mailbox chosen when the connector was installed (no record). */
  seed(r: Recipient): void {
    this.shown = r.displayName;
    this.pointer = r.id;
  }

  /** What the IMS gets when it asks for its administrator mailbox (Q183178-C1, Q246115-C1). */
  resolve(): Resolution {
    if (this.pointer === null) return { ok: false, fault: 'not-set' };
    if (!this.directory.readable()) return { ok: false, fault: 'inaccessible' };
    const r = this.directory.byId(this.pointer);
    if (!r || r.deleted) return { ok: false, fault: 'missing' };
    if (r.kind !== 'mailbox') return { ok: false, fault: 'not-a-mailbox' };
    return { ok: true, mailbox: r };
  }

  protected write(shown: string | null, pointer: string | null): void {
    this.shown = shown;
    this.pointer = pointer;
    this.journal.record({ kind: 'admin-mailbox', shown, pointer, by: 'Administrator program' });
  }
}
