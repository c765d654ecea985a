// The Exchange directory: recipients with a display name and an identity of their own.
// A recipient deleted and created again under the same name is a new object with a new
// identity; the old one is a tombstone. The directory answers reads only while its service
// is up and, after a start, once it has warmed up (interpretation autoStartInaccessible).

import type { VirtualClock } from './clock.ts';
import type { Journal } from './journal.ts';

export type RecipientKind = 'mailbox' | 'custom recipient' | 'distribution list' | 'public folder';

export const RECIPIENT_KINDS: readonly RecipientKind[] = ['mailbox', 'custom recipient', 'distribution list', 'public folder'];

export interface Recipient {
  /** The object's identity (what an internal pointer refers to). */
  readonly id: string;
  readonly displayName: string;
  readonly alias: string;
  kind: RecipientKind;
  deleted: boolean;
}

export class Directory {
  private readonly objects: Recipient[] = [];
  /** Indexes kept with the list, so that a lookup costs the same however many objects came before. */
  private readonly byIdIndex = new Map<string, Recipient>();
  private readonly liveByName = new Map<string, Recipient>();
  private readonly liveByAlias = new Map<string, Recipient>();
  private nextId = 1;
  /** When reads start being answered; null while the directory service is down. */
  private readyAt: number | null = null;

  constructor(private readonly clock: VirtualClock, private readonly journal: Journal, readonly domain: string) {}

  /** The directory service has started; reads are answered after `warmupSeconds`. */
  comeUp(warmupSeconds: number): void {
    this.readyAt = this.clock.now + warmupSeconds;
  }

  goDown(): void {
    this.readyAt = null;
  }

  readable(): boolean {
    return this.readyAt !== null && this.clock.now >= this.readyAt;
  }

  /** Setup: recipients that exist before anything happens (no record). */
  seed(displayName: string, kind: RecipientKind): Recipient {
    const r: Recipient = { id: `obj-${this.nextId++}`, displayName, alias: aliasOf(displayName), kind, deleted: false };
    this.objects.push(r);
    this.byIdIndex.set(r.id, r);
    if (!this.liveByName.has(displayName.toLowerCase())) this.liveByName.set(displayName.toLowerCase(), r);
    if (!this.liveByAlias.has(r.alias)) this.liveByAlias.set(r.alias, r);
    return r;
  }

  create(displayName: string, kind: RecipientKind): Recipient | undefined {
    if (this.live(displayName)) return undefined;
    const r = this.seed(displayName, kind);
    this.journal.record({ kind: 'recipient', change: 'created', name: displayName, recipientKind: kind, id: r.id });
    return r;
  }

  /** Deletes the live recipient of that name; returns it (now a tombstone). */
  remove(displayName: string, destroyed: string[] = []): Recipient | undefined {
    const r = this.live(displayName);
    if (!r) return undefined;
    r.deleted = true;
    this.liveByName.delete(displayName.toLowerCase());
    if (this.liveByAlias.get(r.alias) === r) {
      this.liveByAlias.delete(r.alias);
      const next = this.objects.find((o) => !o.deleted && o.alias === r.alias);
      if (next) this.liveByAlias.set(r.alias, next);
    }
    this.journal.record({ kind: 'recipient', change: 'deleted', name: displayName, recipientKind: r.kind, id: r.id, ...(destroyed.length ? { destroyed } : {}) });
    return r;
  }

  /** The same object becomes another kind of recipient (its identity stays). */
  retype(displayName: string, kind: RecipientKind): Recipient | undefined {
    const r = this.live(displayName);
    if (!r) return undefined;
    r.kind = kind;
    this.journal.record({ kind: 'recipient', change: 'retyped', name: displayName, recipientKind: kind, id: r.id });
    return r;
  }

  live(displayName: string): Recipient | undefined {
    return this.liveByName.get(displayName.toLowerCase());
  }

  /** Any object ever created with this identity, tombstones included. */
  byId(id: string): Recipient | undefined {
    return this.byIdIndex.get(id);
  }

  /** The live recipient an address names: alias@domain, bare or as in `"Alice" <alice@example.com>`. */
  byAddress(address: string): Recipient | undefined {
    const bare = /<([^<>]*)>/.exec(address)?.[1] ?? address.trim();
    const [alias, domain] = bare.toLowerCase().split('@');
    if (domain !== this.domain || alias === undefined) return undefined;
    return this.liveByAlias.get(alias);
  }

  /** The live recipients, in the order they were created. */
  liveRecipients(): Recipient[] {
    return [...this.liveByName.values()].sort((a, b) => serial(a) - serial(b));
  }

  all(): readonly Recipient[] {
    return this.objects;
  }

  addressOf(r: Recipient): string {
    return `${r.alias}@${this.domain}`;
  }
}

/** Identities are numbered in creation order. */
const serial = (r: Recipient): number => Number(r.id.slice(4));

function aliasOf(displayName: string): string {
  return displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
}
