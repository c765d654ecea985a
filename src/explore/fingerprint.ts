// The canonical fingerprint of a model state: everything that decides what the server does
// next and what an observer can see of it, read off the world (and the interpreter, whose
// record of injected faults decides what a heal does), with made-up names canonical
// (canon.ts) and times relative to now. Two states with the same fingerprint behave alike
// under every sequence of operations, step for step, up to those names.
//
// The absolute clock and the interpreter's serial are left out, with one exception: message
// bytes carry both (Message-ID, Date, subject), so a message's size depends on them by a few
// bytes. Where free space is within `margin` of a threshold (0, or the connector's reserve) a
// few bytes can decide whether a write fits, and the fingerprint then keeps free and used
// bytes, the clock and the serial exactly, and Message-IDs as they are. Elsewhere free space is
// told by its side of the reserve: no sequence of the remaining depth can write or free
// `margin` bytes (the search sets it from the largest message and the depth).

import { createHash } from 'node:crypto';
import type { Interpreter } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import type { History } from '../harness/history.ts';
import { baseName } from '../model/paths.ts';
import { performed } from '../../properties/performed.ts';
import { releaseName } from '../model/release.ts';
import type { World } from '../model/world.ts';
import { Canon } from './canon.ts';
import { originOf, originsOf, type Origins } from './origins.ts';
import {
  activeTransferMode, diskUse, directoryReadyAt, imsHungOn, interpreterState, pendingTimers, serviceEntries, spoolState, storeArchived,
} from './private.ts';

export interface ModelFingerprint {
  /** Plain data: equal states give deep-equal values (and the same JSON). */
  readonly state: unknown;
  /** The naming the state was read with; monitors name what they mention with it too. */
  readonly canon: Canon;
  readonly origins: Origins;
  /** False when a part of the model (a variant's) holds state the fingerprint cannot read: such a state must not be merged with another. */
  readonly exact: boolean;
  /** Why not exact. */
  readonly opaque?: string;
}

const ROOT = 'C:\\';

/** Own fields of each part that the fingerprint reads (or that never change); any other field is a variant's, read generically. */
const KNOWN: Readonly<Record<string, readonly string[]>> = {
  disk: ['options', 'journal', 'volume', 'dirs', 'acls', 'shown', 'labels', 'generation', 'otherUse', 'used'],
  scm: ['clock', 'journal', 'services', 'hung'],
  log: ['now', 'journal', 'records'],
  directory: ['clock', 'journal', 'domain', 'objects', 'byIdIndex', 'liveByName', 'liveByAlias', 'nextId', 'readyAt'],
  adminMailbox: ['directory', 'journal', 'shown', 'pointer'],
  store: ['journal', 'traits', 'log', 'up', 'deadlocked', 'threads', 'mtsIn', 'mtsOut', 'mailboxes', 'archive', 'pendingLogons', 'bootSeconds', 'archived'],
  mta: ['clock', 'store', 'directory', 'timer'],
  ims: ['w', 'poller', 'hungOn'],
  spool: ['w', 'serial', 'waitingOnStore', 'inFoundMissing'],
  receiver: ['w'],
  connections: ['journal', 'mode', 'active'],
  directoryService: ['directory', 'warmsUp', 'warmupSeconds'],
  controlPanel: ['scm', 'journal', 'serverName', 'wait'],
};

export interface FingerprintOptions {
  /** Bytes of free space within which of 0 or the reserve the disk counts as tight (see above). */
  readonly margin: number;
}

export function modelFingerprint(w: World, interpreter: Interpreter, h: History, options: FingerprintOptions): ModelFingerprint {
  const free = w.disk.freeBytes();
  const reserve = w.settings.reserveBytes;
  const tight = free < options.margin || Math.abs(free - reserve) < options.margin;
  const canon = new Canon(w.clock.now, tight);
  const origins = originsOf(h);
  const messageOf = (id: string | undefined) => (id === undefined ? undefined : { id: canon.message(id), origin: originOf(origins, id) });
  const stored = (m: { messageId: string; returns?: string }) => ({ ...messageOf(m.messageId)!, ...(m.returns === undefined ? {} : { returns: canon.message(m.returns) }) });
  const interp = interpreterState(interpreter);

  // The volume: every directory with its permissions, every file with its message, in name order.
  const tree = w.disk.walk(ROOT);
  for (const f of [...tree.files].map(baseName).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))) canon.file(f);
  const logged = namedInTheLog(w);
  const files = tree.files.map((path) => {
    const label = w.disk.labelOf(path);
    const name = baseName(path);
    const hasMessage = label !== name;
    return {
      path: canon.path(path),
      ...(hasMessage ? messageOf(label)! : { bytes: createHash('sha256').update(w.disk.peek(path)).digest('hex') }),
      // Q293288's administrator moves what the event log names (by spool file or Message-ID).
      ...(logged.files.has(name.toLowerCase()) || (hasMessage && logged.ids.has(label)) ? { named: true } : {}),
    };
  });
  const disk = {
    ...(tight
      ? { free, used: diskUse(w).files, other: diskUse(w).other, clock: w.clock.now, serial: interp.serial }
      : { free: free >= reserve ? 'above-reserve' : 'below-reserve' }),
    dirs: [ROOT, ...tree.dirs].map((d) => [d.toLowerCase(), d === ROOT ? [] : w.disk.aclOf(d)]),
    files,
  };

  // The SCM and the clock: service states, and the timers that can still do something.
  const entries = serviceEntries(w);
  const services = [...entries.entries()].map(([name, e]) => [name, e.state, e.wanted, e.origin]);
  const pending = pendingTimers(w).filter((p) => !p.cancelled).sort((a, b) => a.at - b.at || a.seq - b.seq);
  const latest = new Map<string, number>();
  for (const p of pending) latest.set(p.label, Math.max(latest.get(p.label) ?? -1, p.seq));
  const timers = pending
    .filter((p) => {
      // A service's initialisation timer acts only for its latest start attempt, and only while it is still starting (scm.ts: tryStart).
      const service = /^(\S+) initialises$/.exec(p.label)?.[1];
      const e = service === undefined ? undefined : entries.get(service);
      return !e || (e.state === 'StartPending' && latest.get(p.label) === p.seq);
    })
    .map((p) => [canon.time(p.at), p.label]);
  const agent = interp.agentScheduled ? lastSchedule(h) : null;

  // The directory, keeping deleted objects only where the administrator-mailbox pointer still names one.
  const pointer = w.adminMailbox.pointer;
  const objects = w.directory.all().filter((r) => !r.deleted || r.id === pointer);
  const readyAt = directoryReadyAt(w);
  const directory = {
    objects: objects.map((r) => [canon.object(r.id), r.displayName, r.kind, r.deleted]),
    readyIn: readyAt === null ? null : Math.max(0, readyAt - w.clock.now),
    warmupSeconds: w.directoryService.warmupSeconds,
    adminMailbox: [w.adminMailbox.shown, canon.object(pointer)],
  };

  const s = w.store;
  const store = {
    up: s.up,
    deadlocked: s.deadlocked,
    threads: s.threads.map((t) => [t.state, canon.message(t.messageId)]),
    mtsIn: s.mtsIn.map(stored),
    mtsOut: s.mtsOut.map(stored),
    archive: s.archive.map(stored),
    mailboxes: objects.filter((r) => s.mailboxes.has(r.id)).map((r) => [canon.object(r.id), s.mailboxes.get(r.id)!.map(stored)]),
    orphanMailboxes: [...s.mailboxes.keys()].filter((id) => !objects.some((r) => r.id === id)).map((id) => [canon.object(id), s.mailboxes.get(id)!.map(stored)]),
    pendingLogons: s.pendingLogons,
    bootSeconds: s.bootSeconds,
    archived: storeArchived(w),
  };

  const hungOn = imsHungOn(w);
  const ims = {
    responding: w.ims.responding,
    hungOn: hungOn === undefined ? null : canon.path(hungOn),
    waitingOnStore: spoolState(w).waitingOnStore,
    inFoundMissing: w.spool.inFoundMissing,
    mode: w.connections.mode,
    active: activeTransferMode(w),
  };

  const extras = variantFields(w);
  const state = {
    release: releaseName(w.release),
    services,
    hung: [...w.scm.hungStops()].sort(),
    timers,
    agent,
    disk,
    directory,
    store,
    ims,
    internet: w.internet.length,
    events: w.log.size,
    interpreter: { faults: interp.faults, warmup: interp.warmup },
    ...(extras.fields.length ? { extras: extras.fields } : {}),
  };
  return { state, canon, origins, exact: extras.opaque === undefined, ...(extras.opaque ? { opaque: extras.opaque } : {}) };
}

/** The scheduled agent's action, directory and interval: its timer's label says the first two only. */
function lastSchedule(h: History): Op | null {
  let last: Op | null = null;
  for (const step of performed(h)) {
    for (const { op } of step) {
      if (op.op === 'agent.schedule') last = op;
      if (op.op === 'agent.unschedule') last = null;
    }
  }
  return last;
}

/** Spool files and Message-IDs the event log names (Q293288's administrator reads 4182 and 12007: interpreter.ts moveIdentified). */
function namedInTheLog(w: World): { files: Set<string>; ids: Set<string> } {
  const texts = w.log.entries().map((e) => e.text ?? '');
  return {
    ids: new Set(texts.flatMap((t) => [...t.matchAll(/processing message \(<([^>]+)>\)/g)].map((m) => m[1]!))),
    files: new Set(texts.flatMap((t) => [...t.matchAll(/spool file (\S+) will be retried/g)].map((m) => m[1]!.toLowerCase()))),
  };
}

/** Fields a variant's part adds to the model's, as plain data; `opaque` names one that is not plain data. */
function variantFields(w: World): { fields: [string, string, unknown][]; opaque?: string } {
  const fields: [string, string, unknown][] = [];
  let opaque: string | undefined;
  for (const [part, known] of Object.entries(KNOWN)) {
    const obj = (w as unknown as Record<string, object>)[part]!;
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const value = (obj as Record<string, unknown>)[key];
      if (isPlain(value)) fields.push([part, key, value === undefined ? null : value]);
      else opaque ??= `${part}.${key}`;
    }
  }
  return opaque === undefined ? { fields } : { fields, opaque };
}

function isPlain(v: unknown, depth = 0): boolean {
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return true;
  if (depth > 4 || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) return v.every((x) => isPlain(x, depth + 1));
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every((x) => isPlain(x, depth + 1));
}
