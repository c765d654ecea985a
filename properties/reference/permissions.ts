// What Explorer's permissions dialog should show on each directory under Imcdata, worked out
// from the operations a history performed rather than read from the model: the entries setup
// gave (A-INSTALL-ACL), each group's permission as the administrator set or removed it (on the
// subdirectories too when asked), a new directory starting with a copy of its parent's entries
// and a renamed one keeping its own (NT 4). INV-5 compares it with what the model shows.

import type { History, Step } from '../../src/harness/history.ts';
import type { Seen } from '../../src/model/journal.ts';
import { IMCDATA, spoolPath } from '../../src/model/paths.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import type { Performed } from '../performed.ts';

/** A-INSTALL-ACL: setup gives Imcdata and its tree Full Control for these four groups. */
const INSTALLED: readonly string[] = ['Administrators', 'Everyone', 'Exchange service account', 'SYSTEM'].map((g) => `${g}: Full Control`);

type AclOp = Extract<Performed['op'], { op: 'acl.set' | 'acl.remove' }>;

const key = (path: string): string => path.toLowerCase();
const parentKey = (k: string): string => k.slice(0, k.lastIndexOf('\\'));
const below = (k: string, root: string): boolean => k === root || k.startsWith(`${root}\\`);

export class PermissionsReference {
  /** Directory (lower case) -> its entries as `group: permission`. */
  private readonly dirs = new Map<string, Map<string, string>>();

  /** The directories the installed server shows, each with setup's entries. */
  constructor(initial: Snapshot) {
    for (const path of Object.keys(initial.acls)) this.dirs.set(key(path), new Map(INSTALLED.map((e) => [e.slice(0, e.indexOf(':')), e])));
  }

  /**
   * One step: its journal in order, directories coming and going as recorded, and the step's
   * permission operations applied where their records are (a heal mends permissions after its
   * reboots, before the connector's start). The records only place an operation; what it does
   * comes from the operation. One that left no record is applied at the end if it was reported
   * done or its directory was there when the step began (a refusal there is the model's to
   * explain), so that the comparison judges it.
   */
  step(seen: readonly Seen[], ops: readonly Performed[]): string | undefined {
    const existed = new Set(this.dirs.keys());
    const pending = ops.filter((p): p is Performed & { op: AclOp } => p.op.op === 'acl.set' || p.op.op === 'acl.remove');
    let owed = 0;
    for (const o of seen) {
      if (o.kind === 'directory') this.directory(o);
      if (o.kind !== 'acl') continue;
      if (owed > 0) {
        owed--;
        continue;
      }
      while (pending.length > 0 && !this.dirs.has(key(targetOf(pending[0]!.op)))) pending.shift();
      const p = pending.shift();
      if (p === undefined) return `the permissions of ${o.path} changed, but no operation asked for it`;
      owed = this.apply(p.op) - 1;
    }
    if (owed > 0) return `${owed} of the directories an operation was to set were left as they were`;
    for (const p of pending) {
      const target = key(targetOf(p.op));
      if (this.dirs.has(target) && (p.outcome.ok || existed.has(target))) this.apply(p.op);
    }
    return undefined;
  }

  /** Where Explorer shows something else than this reference, or undefined. */
  differsFrom(s: Snapshot): string | undefined {
    const shown = new Map(Object.entries(s.acls).map(([path, acl]) => [key(path), { path, entries: acl.map((a) => `${a.group}: ${a.permission}`).sort() }]));
    for (const k of this.dirs.keys()) if (!shown.has(k)) return `${k} was neither removed nor renamed, but Explorer no longer shows it`;
    for (const [k, { path, entries }] of shown) {
      const expected = this.dirs.get(k);
      if (expected === undefined) return `Explorer shows ${path}, which was never created`;
      const want = [...expected.values()].sort();
      if (want.join('; ') !== entries.join('; ')) return `Explorer shows ${path} with ${entries.join('; ') || 'no entries'}, but what was set there is ${want.join('; ') || 'no entries'}`;
    }
    return undefined;
  }

  /** Applies a permission operation to its directory (and those below it, when asked); returns how many it set. */
  private apply(op: AclOp): number {
    const root = key(targetOf(op));
    const targets = [...this.dirs.keys()].filter((k) => (op.subdirectories ? below(k, root) : k === root));
    for (const k of targets) {
      const entries = this.dirs.get(k)!;
      if (op.op === 'acl.remove') entries.delete(op.group);
      else entries.set(op.group, `${op.group}: ${op.permission}`);
    }
    return targets.length;
  }

  private directory(o: Extract<Seen, { kind: 'directory' }>): void {
    const at = key(o.path);
    // Explorer is looked at under Imcdata only (Q293288's folder for malformed messages is elsewhere).
    if (!below(at, key(IMCDATA))) return;
    if (o.change === 'created') this.dirs.set(at, new Map(this.dirs.get(parentKey(at)) ?? []));
    else {
      const moved = [...this.dirs].filter(([k]) => below(k, at));
      for (const [k] of moved) this.dirs.delete(k);
      if (o.change === 'renamed' && o.to !== undefined) for (const [k, entries] of moved) this.dirs.set(key(o.to) + k.slice(at.length), entries);
    }
  }
}

const targetOf = (op: AclOp): string => (op.dir === 'imcdata' ? IMCDATA : spoolPath(op.dir));

/** The first step (or -1, setup) where Explorer shows other permissions than the history set, with why. */
export function permissionsAsSet(h: History, performedBy: readonly (readonly Performed[])[]): { index: number; why: string } | undefined {
  const ref = new PermissionsReference(h.initial);
  const initially = ref.step(h.setup, []) ?? ref.differsFrom(h.initial);
  if (initially) return { index: -1, why: initially };
  for (const s of h.steps as readonly Step[]) {
    const why = ref.step(s.seen, performedBy[s.index]!) ?? ref.differsFrom(s.after);
    if (why) return { index: s.index, why };
  }
  return undefined;
}
