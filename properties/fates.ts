// Where each message is, told from what was observed: the journal's file, directory, queue and
// recipient records, read one at a time (linear in the history). Every checker that asks about
// a message's fate asks here. `agrees` compares the account with the counts an observer reads
// off the server (directory listings, queue and mailbox sizes), so that a message that vanishes
// without a record is caught as well.

import type { Seen } from '../src/model/journal.ts';
import { IMCDATA } from '../src/model/paths.ts';
import type { Snapshot } from '../src/model/snapshot.ts';

/** How a message left the server's hands without the server losing it. */
export interface Removal {
  readonly by: string;
  /** The directory or mailbox it went with. */
  readonly with: string;
  readonly at: number;
}

export interface Whereabouts {
  /** Where it is now: `file <path>`, `MTS-IN`, `MTS-OUT`, `mailbox <directory object>`, `Internet`. */
  readonly places: readonly string[];
  /** The non-delivery report that returns it to its sender, if one was made. */
  readonly returnedBy?: string;
  /** Deleted with a directory or a mailbox by someone other than the server. */
  readonly destroyed?: Removal;
  /** Taken along when someone other than the server renamed its directory (it is still a file, elsewhere). */
  readonly carried?: Removal;
  /** Put into the mailbox of a recipient deleted before it arrived (`mailbox <directory object>`): no one can read it there. */
  readonly orphaned?: string;
  /** When it first entered each kind of place: `file <directory>`, `MTS-IN`, `mailbox`, `Internet`... */
  readonly arrived: ReadonlyMap<string, number>;
}

interface Account {
  readonly places: Set<string>;
  readonly arrived: Map<string, number>;
  returnedBy?: string;
  destroyed?: Removal;
  carried?: Removal;
  orphaned?: string;
}

/** Who acts for the server on its spool. */
const SERVER = 'Exchange service account';

const key = (path: string) => path.toLowerCase();
const parent = (path: string) => path.slice(0, path.lastIndexOf('\\'));
const under = (path: string, dir: string) => key(path).startsWith(`${key(dir)}\\`);

export class Fates {
  private readonly accounts = new Map<string, Account>();
  /** Files on the volume by path (lower case): their shown path and the message they hold. */
  private readonly files = new Map<string, { path: string; id?: string }>();
  /** How many of them each directory holds (lower case), kept as they come and go. */
  private readonly perDirectory = new Map<string, number>();
  private readonly queued = new Map<string, number>();
  /** Non-delivery reports, and the message each returns. */
  private readonly returns = new Map<string, string>();
  /** The mailboxes of deleted recipients (`mailbox <directory object>`). */
  private readonly deletedBoxes = new Set<string>();

  /** Takes one observation into account. */
  observe(o: Seen): void {
    switch (o.kind) {
      case 'file': return this.file(o);
      case 'directory':
        if (o.change === 'removed') return this.emptied(o.path, (id) => (this.account(id).destroyed = { by: o.by, with: o.path, at: o.at }));
        if (o.change === 'renamed') return this.renamed(o.path, o.to!, { by: o.by, with: o.to!, at: o.at });
        return;
      case 'queue': return this.queue(o.queue, o.change, o.messageId, o.at, o.returns);
      case 'recipient':
        if (o.change !== 'deleted') return;
        this.queued.delete(`mailbox ${o.id}`);
        this.deletedBoxes.add(`mailbox ${o.id}`);
        for (const id of o.destroyed ?? []) {
          const a = this.account(id);
          a.places.delete(`mailbox ${o.id}`);
          a.destroyed = { by: 'Administrator program', with: `the mailbox of ${o.name}`, at: o.at };
        }
        return;
      default:
    }
  }

  observeAll(seen: readonly Seen[]): this {
    for (const o of seen) this.observe(o);
    return this;
  }

  where(id: string): Whereabouts {
    const a = this.accounts.get(id);
    return a ? { ...a, places: [...a.places] } : { places: [], arrived: new Map() };
  }

  /** Whether the message is accounted for: somewhere, returned by a report that is itself somewhere, or removed by someone else. */
  accountedFor(id: string): boolean {
    const a = this.accounts.get(id);
    if (!a) return false;
    if (a.places.size > 0 || a.destroyed) return true;
    return a.returnedBy !== undefined && this.accountedFor(a.returnedBy);
  }

  /** The message a non-delivery report returns to its sender. */
  originalOf(report: string): string | undefined {
    return this.returns.get(report);
  }

  /** Every message seen so far. */
  ids(): string[] {
    return [...this.accounts.keys()];
  }

  /** Files in a directory, by this account (at the end of a history: it looks at every file). */
  filesIn(dir: string): { path: string; id?: string }[] {
    return [...this.files.values()].filter((f) => key(parent(f.path)) === key(dir));
  }

  /** Where this account and what an observer reads off the server disagree, if anywhere. */
  agrees(s: Snapshot): string | undefined {
    const counted = new Map(this.perDirectory);
    for (const [dir, n] of Object.entries(s.files)) {
      const mine = counted.get(key(dir)) ?? 0;
      if (mine !== n) return `${dir} holds ${n} files, but ${mine} were recorded going in and not out`;
      counted.delete(key(dir));
    }
    // The listings cover imcdata; a file moved elsewhere (a folder of the administrator's) is his to count.
    for (const [dir, n] of counted) if (n > 0 && under(dir, IMCDATA)) return `${dir} is gone or empty, but ${n} files were recorded there and not taken out`;
    for (const queue of ['MTS-IN', 'MTS-OUT', 'archive'] as const) {
      const mine = this.queued.get(queue) ?? 0;
      if (mine !== s.queues[queue]) return `${queue} holds ${s.queues[queue]} messages, but ${mine} were recorded going in and not out`;
    }
    if ((this.queued.get('Internet') ?? 0) !== s.internet) return `${s.internet} messages were sent to the Internet, but ${this.queued.get('Internet') ?? 0} were recorded`;
    const boxes = new Set([...Object.keys(s.mailboxes), ...[...this.queued.keys()].flatMap((q) => (q.startsWith('mailbox ') ? [q.slice(8)] : []))]);
    for (const box of boxes) {
      const mine = this.queued.get(`mailbox ${box}`) ?? 0;
      if (mine !== (s.mailboxes[box] ?? 0)) return `mailbox ${box} holds ${s.mailboxes[box] ?? 0} messages, but ${mine} were recorded as delivered there`;
    }
    return undefined;
  }

  private account(id: string): Account {
    let a = this.accounts.get(id);
    if (!a) {
      a = { places: new Set(), arrived: new Map() };
      this.accounts.set(id, a);
    }
    return a;
  }

  private enter(id: string, place: string, kind: string, at: number): void {
    const a = this.account(id);
    a.places.add(place);
    if (!a.arrived.has(kind)) a.arrived.set(kind, at);
  }

  private addFile(path: string, id: string | undefined): void {
    if (!this.files.has(key(path))) this.perDirectory.set(key(parent(path)), (this.perDirectory.get(key(parent(path))) ?? 0) + 1);
    this.files.set(key(path), { path, ...(id ? { id } : {}) });
  }

  private removeFile(path: string): void {
    if (!this.files.delete(key(path))) return;
    const n = (this.perDirectory.get(key(parent(path))) ?? 1) - 1;
    if (n) this.perDirectory.set(key(parent(path)), n);
    else this.perDirectory.delete(key(parent(path)));
  }

  private file(o: Extract<Seen, { kind: 'file' }>): void {
    const from = this.files.get(key(o.path));
    const id = o.messageId ?? from?.id;
    if (o.change === 'written') this.addFile(o.path, id);
    else this.removeFile(o.path);
    if (o.change === 'moved') this.addFile(o.to!, id);
    if (!id) return;
    if (o.change !== 'written') this.account(id).places.delete(`file ${key(o.path)}`);
    // Moved by someone other than the server (an administrator setting it aside): no longer the server's to deliver.
    if (o.change === 'moved' && o.by !== SERVER) this.account(id).carried = { by: o.by, with: o.to!, at: o.at };
    const now = o.change === 'moved' ? o.to! : o.change === 'written' ? o.path : undefined;
    if (now !== undefined) this.enter(id, `file ${key(now)}`, `file ${key(parent(now))}`, o.at);
  }

  private emptied(dir: string, mark: (id: string) => void): void {
    for (const [k, f] of [...this.files]) {
      if (!under(f.path, dir)) continue;
      this.removeFile(f.path);
      if (!f.id) continue;
      this.account(f.id).places.delete(`file ${k}`);
      mark(f.id);
    }
  }

  private renamed(dir: string, to: string, removal: Removal): void {
    const moved = [...this.files.values()].filter((f) => under(f.path, dir));
    this.emptied(dir, (id) => (this.account(id).carried = removal));
    for (const f of moved) {
      const path = to + f.path.slice(dir.length);
      this.addFile(path, f.id);
      if (f.id) this.enter(f.id, `file ${key(path)}`, `file ${key(parent(path))}`, removal.at);
    }
  }

  private queue(queue: string, change: 'added' | 'removed', id: string, at: number, returns?: string): void {
    this.queued.set(queue, (this.queued.get(queue) ?? 0) + (change === 'added' ? 1 : -1));
    if (change === 'removed') {
      this.account(id).places.delete(queue);
      return;
    }
    // A mailbox whose recipient is gone is no place to be: the message is orphaned there, not delivered.
    if (this.deletedBoxes.has(queue)) this.account(id).orphaned = queue;
    else this.enter(id, queue, queue.startsWith('mailbox ') ? 'mailbox' : queue, at);
    if (returns !== undefined) {
      this.account(returns).returnedBy = id;
      this.returns.set(id, returns);
    }
  }
}
