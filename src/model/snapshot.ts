// What an observer can see of the world at one moment: the state checkers reason about.
// Plain data, so that histories can be compared, saved and printed.

import type { Acl } from './acl.ts';
import { messageIdOf } from '../mail/mime.ts';
import { IMCDATA, SPOOL_DIRS, spoolPath, type SpoolDir } from './paths.ts';
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
  /** Every file under imcdata, spool or not (a renamed in directory keeps its mail). */
  readonly files: readonly { readonly path: string; readonly messageId?: string }[];
  /** Permissions of imcdata and every directory under it. */
  readonly acls: Readonly<Record<string, Acl>>;
  readonly directory: {
    readonly readable: boolean;
    readonly recipients: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly deleted: boolean }[];
  };
  readonly adminMailbox: { readonly shown: string | null; readonly pointer: string | null };
  readonly store: {
    readonly up: boolean;
    readonly deadlocked: boolean;
    readonly rewinding: number;
    readonly mtsIn: readonly string[];
    readonly mtsOut: readonly { readonly messageId: string; readonly returns?: string }[];
    readonly mailboxes: Readonly<Record<string, readonly string[]>>;
    readonly pendingLogons: number;
  };
  readonly internet: readonly { readonly messageId: string; readonly returns?: string }[];
  readonly eventCount: number;
}

type DiskView = Pick<Snapshot, 'spool' | 'files' | 'acls'>;

/** The volume is read again only when it has changed since the last look. */
const views = new WeakMap<World['disk'], { generation: number; view: DiskView }>();

function diskView(w: World): DiskView {
  const seen = views.get(w.disk);
  if (seen && seen.generation === w.disk.generation) return seen.view;
  const tree = w.disk.walk(IMCDATA);
  const dirs = w.disk.isDirectory(IMCDATA) ? [IMCDATA, ...tree.dirs] : [];
  const view: DiskView = {
    spool: Object.fromEntries(SPOOL_DIRS.map((d) => [d, w.disk.isDirectory(spoolPath(d))])) as Record<SpoolDir, boolean>,
    files: tree.files.map((path) => {
      const id = messageIdOf(w.disk.peek(path));
      return id === undefined ? { path } : { path, messageId: id };
    }),
    acls: Object.fromEntries(dirs.map((d) => [d, w.disk.aclOf(d)])),
  };
  views.set(w.disk, { generation: w.disk.generation, view });
  return view;
}

export function snapshot(w: World): Snapshot {
  return {
    at: w.clock.now,
    release: releaseName(w.release),
    services: Object.fromEntries(w.exchangeServices().map((s) => [s, w.scm.state(s)])),
    hungStops: w.scm.hungStops(),
    freeBytes: w.disk.freeBytes(),
    reserveBytes: w.settings.reserveBytes,
    ...diskView(w),
    directory: {
      readable: w.directory.readable(),
      recipients: w.directory.all().map((r) => ({ id: r.id, name: r.displayName, kind: r.kind, deleted: r.deleted })),
    },
    adminMailbox: { shown: w.adminMailbox.shown, pointer: w.adminMailbox.pointer },
    store: {
      up: w.store.up,
      deadlocked: w.store.deadlocked,
      rewinding: w.store.threads.filter((t) => t.state === 'rewinding').length,
      mtsIn: w.store.mtsIn.map((m) => m.messageId),
      mtsOut: w.store.mtsOut.map(brief),
      mailboxes: Object.fromEntries([...w.store.mailboxes].map(([id, ms]) => [id, ms.map((m) => m.messageId)])),
      pendingLogons: w.store.pendingLogons.length,
    },
    internet: w.internet.map(brief),
    eventCount: w.log.size,
  };
}

function brief(m: { messageId: string; returns?: string }): { messageId: string; returns?: string } {
  return m.returns === undefined ? { messageId: m.messageId } : { messageId: m.messageId, returns: m.returns };
}
