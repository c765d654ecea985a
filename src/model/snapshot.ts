// What can be seen of the world at one moment: plain data, so that histories can be compared,
// saved and printed. It is small and does not grow with the history (counts, not contents):
// which message is where is told by the journal, one change at a time.
//
// `internal` is what only the model knows (the administrator-mailbox pointer, whether the
// directory answers reads yet, whether the store is deadlocked). Timelines and explanations
// may show it; a checker never decides by it.

import type { Acl } from './acl.ts';
import { IMCDATA, spoolPath, type SpoolDir } from './paths.ts';
import { releaseName } from './release.ts';
import type { ServiceState } from './scm.ts';
import type { World } from './world.ts';

export interface Snapshot {
  readonly at: number;
  readonly release: string;
  readonly services: Readonly<Record<string, ServiceState>>;
  readonly hungStops: readonly string[];
  readonly freeBytes: number;
  readonly reserveBytes: number;
  readonly spool: Readonly<Record<SpoolDir, boolean>>;
  /** How many files each directory under imcdata holds (every directory, spool or not: a renamed in keeps its mail). */
  readonly files: Readonly<Record<string, number>>;
  /** Permissions of imcdata and every directory under it, as Explorer shows them. */
  readonly acls: Readonly<Record<string, Acl>>;
  /** The recipients the Administrator program lists (live ones), and the administrator mailbox it shows. */
  readonly recipients: readonly { readonly id: string; readonly name: string; readonly kind: string }[];
  readonly adminMailboxShown: string | null;
  /** Messages waiting in each queue, and in each mailbox (by directory object); `archive`: set aside by the store (Q325939-M1). */
  readonly queues: { readonly 'MTS-IN': number; readonly 'MTS-OUT': number; readonly archive: number };
  /** The IMS's transfer mode, as its Connections tab shows it. */
  readonly transferMode: string;
  readonly mailboxes: Readonly<Record<string, number>>;
  /** Messages the IMS has sent out to the Internet, in all. */
  readonly internet: number;
  readonly eventCount: number;
  readonly internal: Internal;
}

/** The model's hidden state at the moment: for explanations and timelines, never for a checker's decision. */
export interface Internal {
  readonly adminMailbox: { readonly pointer: string | null; readonly names: 'not-set' | 'missing' | 'not-a-mailbox' | 'mailbox' };
  readonly directoryReadable: boolean;
  readonly store: { readonly up: boolean; readonly deadlocked: boolean; readonly rewinding: number; readonly pendingLogons: number };
}

type DiskView = Pick<Snapshot, 'spool' | 'files' | 'acls'>;

const SPOOL_PATHS: Readonly<Record<SpoolDir, string>> = { work: spoolPath('work'), in: spoolPath('in'), out: spoolPath('out') };

/** The volume is read again only when it has changed since the last look. */
const views = new WeakMap<World['disk'], { generation: number; view: DiskView }>();

function diskView(w: World): DiskView {
  const seen = views.get(w.disk);
  if (seen && seen.generation === w.disk.generation) return seen.view;
  const files: Record<string, number> = {};
  const acls: Record<string, Acl> = {};
  for (const d of w.disk.census(IMCDATA)) {
    files[d.path] = d.files;
    acls[d.path] = d.acl;
  }
  const view: DiskView = {
    spool: { work: w.disk.isDirectory(SPOOL_PATHS.work), in: w.disk.isDirectory(SPOOL_PATHS.in), out: w.disk.isDirectory(SPOOL_PATHS.out) },
    files,
    acls,
  };
  views.set(w.disk, { generation: w.disk.generation, view });
  return view;
}

export function snapshot(w: World): Snapshot {
  const live = w.directory.liveRecipients();
  return {
    at: w.clock.now,
    release: releaseName(w.release),
    services: Object.fromEntries(w.exchangeServices().map((s) => [s, w.scm.state(s)])),
    hungStops: w.scm.hungStops(),
    freeBytes: w.disk.freeBytes(),
    reserveBytes: w.settings.reserveBytes,
    ...diskView(w),
    recipients: live.map((r) => ({ id: r.id, name: r.displayName, kind: r.kind })),
    adminMailboxShown: w.adminMailbox.shown,
    queues: { 'MTS-IN': w.store.mtsIn.length, 'MTS-OUT': w.store.mtsOut.length, archive: w.store.archive.length },
    transferMode: w.connections.mode,
    mailboxes: Object.fromEntries([...w.store.mailboxes].map(([id, ms]) => [id, ms.length])),
    internet: w.internet.length,
    eventCount: w.log.size,
    internal: {
      adminMailbox: { pointer: w.adminMailbox.pointer, names: pointerNames(w) },
      directoryReadable: w.directory.readable(),
      store: {
        up: w.store.up,
        deadlocked: w.store.deadlocked,
        rewinding: w.store.threads.filter((t) => t.state === 'rewinding').length,
        pendingLogons: w.store.pendingLogons.length,
      },
    },
  };
}

/** What the pointer names, whatever the directory's readiness. */
function pointerNames(w: World): Internal['adminMailbox']['names'] {
  const id = w.adminMailbox.pointer;
  if (id === null) return 'not-set';
  const r = w.directory.byId(id);
  if (!r || r.deleted) return 'missing';
  return r.kind === 'mailbox' ? 'mailbox' : 'not-a-mailbox';
}
