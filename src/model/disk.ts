// The server's C: drive: a memfs volume with a capacity, NT 4 permissions on its
// directories, and every call checked as the Win32 API would check it. Files carry their
// directory's permissions (assumption A-FILE-ACL).

import { Volume } from 'memfs';
import { allows, withEntry, withoutEntry, type Acl, type Permission, type Right } from './acl.ts';
import type { Journal } from './journal.ts';
import { baseName, join, parentOf, toVolume } from './paths.ts';
import type { Group, Identity } from './principals.ts';
import {
  ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_DIR_NOT_EMPTY, ERROR_DISK_FULL, ERROR_FILE_NOT_FOUND,
  ERROR_PATH_NOT_FOUND, Win32Error,
} from './win32.ts';

export interface DiskOptions {
  /** Size of the volume in bytes. */
  readonly capacityBytes: number;
  /** Bytes taken by everything outside the model's files (Windows, page file, other programs). */
  readonly baselineUseBytes: number;
  /** Names the content of a file (a message's Message-ID), so that every record of the file can say which message it holds. */
  readonly label?: (bytes: Buffer) => string | undefined;
}

/**
 * memfs checks Unix ownership on every call by asking the process for its uid, a system call
 * each time. The server's NTFS volume has no Unix owner: it is given a fixed one.
 */
const NO_UNIX_OWNER = { cwd: () => '/', platform: 'linux', env: {}, emitWarning: () => {}, getuid: () => 0, getgid: () => 0 } as const;

export class Disk {
  readonly volume = Volume.fromJSON({}, '/', { process: NO_UNIX_OWNER as never });
  private readonly acls = new Map<string, Acl>();
  private readonly shown = new Map<string, string>();
  /** The label of each file's content, read once when it is written (volume path -> Message-ID). */
  private readonly labels = new Map<string, string>();
  /** The directories (volume paths), so that forgetting a file is one deletion and a directory takes what is below it. */
  private readonly dirs = new Map<string, true>();
  /** Counts changes to the volume, so that observers can tell when to look again. */
  generation = 0;
  private otherUse: number;
  /** Bytes in files on the volume, kept as files come and go; `bytesByWalk` recounts them. */
  private used = 0;

  constructor(private readonly options: DiskOptions, private readonly journal: Journal) {
    this.otherUse = options.baselineUseBytes;
  }

  get capacity(): number {
    return this.options.capacityBytes;
  }

  freeBytes(): number {
    return Math.max(0, this.capacity - this.otherUse - this.used);
  }

  /** Other programs take space until only `freeBytes` remain (or as close as the model's own files allow). */
  fillTo(freeBytes: number): void {
    this.otherUse = Math.max(this.options.baselineUseBytes, this.capacity - this.used - freeBytes);
    this.journal.record({ kind: 'disk', change: 'filled', freeBytes: this.freeBytes() });
  }

  /** The space other programs took is given back. */
  release(): void {
    this.otherUse = this.options.baselineUseBytes;
    this.journal.record({ kind: 'disk', change: 'freed', freeBytes: this.freeBytes() });
  }

  // What is where comes from the disk's own record of its entries (`shown`, `dirs`), kept beside
  // every change to the volume: asking memfs resolves the path step by step, and the snapshot
  // after every step asks often. A test holds the record equal to the volume over random histories.
  exists(path: string): boolean {
    const at = this.v(path);
    return this.dirs.has(at) || this.shown.has(at);
  }

  isDirectory(path: string): boolean {
    return this.dirs.has(this.v(path));
  }

  /** Creates a directory with the given permissions, as setup does (no checks, no record). */
  install(path: string, acl: Acl): void {
    this.installAll([{ path, acl }]);
  }

  /** Creates directories with the given permissions, as setup does, in one go. */
  installAll(dirs: readonly { readonly path: string; readonly acl: Acl }[]): void {
    this.volume.fromJSON(Object.fromEntries(dirs.map((d) => [this.v(d.path), null])));
    for (const d of dirs) {
      // memfs creates the missing parents too (C:\, C:\exchsrvr).
      for (let up = parentOf(d.path); !this.dirs.has(this.v(up)); up = parentOf(up)) {
        this.dirs.set(this.v(up), true);
        if (parentOf(up) === up) break;
      }
      this.remember(d.path);
      this.dirs.set(this.v(d.path), true);
      this.acls.set(this.v(d.path), d.acl);
    }
    this.generation++;
  }

  aclOf(path: string): Acl {
    return this.acls.get(this.v(path)) ?? [];
  }

  /** Sets (or, with null, removes) one group's entry on a directory, as Explorer's permissions dialog does. */
  setEntry(path: string, group: Group, permission: Permission | null, by: Identity): void {
    this.needDirectory(path);
    const acl = this.aclOf(path);
    this.acls.set(this.v(path), permission === null ? withoutEntry(acl, group) : withEntry(acl, group, permission));
    this.generation++;
    this.journal.record({ kind: 'acl', path, group, permission, by: by.name });
  }

  /** Directories below `path`, each before its own subdirectories. */
  subdirectories(path: string): string[] {
    this.needDirectory(path);
    return this.walk(path).dirs;
  }

  /** Everything under `root`: its directories and files, as Windows paths, in name order. */
  walk(root: string): { dirs: string[]; files: string[] } {
    const out = { dirs: [] as string[], files: [] as string[] };
    const at = this.v(root);
    if (!this.dirs.has(at)) return out;
    const below = `${at}/`;
    const add = (k: string): void => {
      if (k.startsWith(below)) (this.dirs.has(k) ? out.dirs : out.files).push(this.shownPath(root, at, k));
    };
    for (const k of this.shown.keys()) add(k);
    for (const k of this.dirs.keys()) if (!this.shown.has(k)) add(k);
    out.dirs.sort();
    out.files.sort();
    return out;
  }

  /**
   * `root` and each directory under it, in name order, with its permissions and how many files
   * it holds: what Explorer shows of a tree, read from the record in one pass over it.
   */
  census(root: string): { path: string; acl: Acl; files: number }[] {
    const at = this.v(root);
    if (!this.dirs.has(at)) return [];
    const below = `${at}/`;
    const files = new Map<string, number>();
    for (const k of this.shown.keys()) {
      if (!k.startsWith(below) || this.dirs.has(k)) continue;
      const parent = k.slice(0, k.lastIndexOf('/'));
      files.set(parent, (files.get(parent) ?? 0) + 1);
    }
    const out = [{ path: root, acl: this.aclOf(root), files: files.get(at) ?? 0 }];
    for (const k of this.dirs.keys()) {
      if (k.startsWith(below)) out.push({ path: this.shownPath(root, at, k), acl: this.acls.get(k) ?? [], files: files.get(k) ?? 0 });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The Windows path of the volume path `k` below `root`, each name in the case it was created with. */
  private shownPath(root: string, at: string, k: string): string {
    let path = root;
    let prefix = at;
    for (const name of k.slice(at.length + 1).split('/')) {
      prefix = `${prefix}/${name}`;
      path = join(path, this.shown.get(prefix) ?? name);
    }
    return path;
  }

  list(dir: string, as: Identity): string[] {
    this.needDirectory(dir);
    this.check(dir, as, 'R');
    return this.names(dir).filter((n) => !this.isDirectory(join(dir, n)));
  }

  read(path: string, as: Identity): Buffer {
    this.needDirectory(parentOf(path));
    if (!this.exists(path)) throw new Win32Error(ERROR_FILE_NOT_FOUND, path);
    this.check(parentOf(path), as, 'R');
    return this.peek(path);
  }

  write(path: string, bytes: Buffer, as: Identity): void {
    const dir = parentOf(path);
    this.needDirectory(dir);
    this.check(dir, as, 'W');
    const replaced = this.sizeOf(path);
    if (bytes.length - replaced > this.freeBytes()) throw new Win32Error(ERROR_DISK_FULL, path);
    this.volume.writeFileSync(this.v(path), bytes);
    this.remember(path);
    const label = this.options.label?.(bytes);
    if (label === undefined) this.labels.delete(this.v(path));
    else this.labels.set(this.v(path), label);
    this.changed(bytes.length - replaced);
    this.journal.record({ kind: 'file', change: 'written', path, by: as.name, ...this.named(path) });
  }

  /** Moves a file between directories: delete access on the source, write access on the target. */
  move(from: string, to: string, as: Identity): void {
    if (!this.exists(parentOf(from))) throw new Win32Error(ERROR_PATH_NOT_FOUND, from);
    if (!this.exists(from)) throw new Win32Error(ERROR_FILE_NOT_FOUND, from);
    if (!this.isDirectory(parentOf(to))) throw new Win32Error(ERROR_PATH_NOT_FOUND, to);
    if (this.exists(to)) throw new Win32Error(ERROR_ALREADY_EXISTS, to);
    this.checkDelete(from, as);
    this.check(parentOf(to), as, 'W');
    this.volume.renameSync(this.v(from), this.v(to));
    const named = this.named(from);
    this.forget(from);
    this.remember(to);
    if (named.messageId !== undefined) this.labels.set(this.v(to), named.messageId);
    this.changed(0);
    this.journal.record({ kind: 'file', change: 'moved', path: from, to, by: as.name, ...named });
  }

  remove(path: string, as: Identity): void {
    if (!this.exists(path)) throw new Win32Error(ERROR_FILE_NOT_FOUND, path);
    this.checkDelete(path, as);
    const size = this.sizeOf(path);
    const named = this.named(path);
    this.volume.unlinkSync(this.v(path));
    this.forget(path);
    this.changed(-size);
    this.journal.record({ kind: 'file', change: 'deleted', path, by: as.name, ...named });
  }

  /** Creates a directory; it starts with a copy of its parent's permissions, as on NT 4. */
  mkdir(path: string, as: Identity): void {
    const parent = parentOf(path);
    this.needDirectory(parent);
    if (this.exists(path)) throw new Win32Error(ERROR_ALREADY_EXISTS, path);
    this.check(parent, as, 'W');
    this.volume.mkdirSync(this.v(path));
    this.remember(path);
    this.dirs.set(this.v(path), true);
    this.acls.set(this.v(path), this.aclOf(parent));
    this.changed(0);
    this.journal.record({ kind: 'directory', change: 'created', path, by: as.name });
  }

  /** Removes a directory; with `tree`, its contents too (as `rd /s` or a cleanup script does). */
  rmdir(path: string, as: Identity, tree: boolean): void {
    this.needDirectory(path);
    const files = this.filesUnder(path);
    if (!tree && this.names(path).length > 0) throw new Win32Error(ERROR_DIR_NOT_EMPTY, path);
    this.checkDelete(path, as);
    for (const dir of [path, ...this.subdirectories(path)]) {
      // The files inside: Delete on the directory they take their permissions from, or delete-child on it.
      const acl = this.aclOf(dir);
      if (this.names(dir).length > 0 && !allows(acl, as, 'D') && !allows(acl, as, 'DeleteChild')) throw new Win32Error(ERROR_ACCESS_DENIED, dir);
    }
    const destroyed = files.map((f) => this.labelOf(f));
    const size = files.reduce((sum, f) => sum + this.sizeOf(f), 0);
    this.volume.rmSync(this.v(path), { recursive: true });
    this.forgetAcls(path);
    this.forget(path);
    this.changed(-size);
    this.journal.record({ kind: 'directory', change: 'removed', path, by: as.name, ...(destroyed.length ? { destroyed } : {}) });
  }

  /** Renames a directory in place; its permissions go with it. */
  rename(path: string, newName: string, as: Identity): void {
    this.needDirectory(path);
    const parent = parentOf(path);
    const to = join(parent, newName);
    if (this.exists(to)) throw new Win32Error(ERROR_ALREADY_EXISTS, to);
    this.checkDelete(path, as);
    this.check(parent, as, 'W');
    const carried = this.filesUnder(path).map((f) => this.labelOf(f));
    this.volume.renameSync(this.v(path), this.v(to));
    const moved = [...this.shown].filter(([k]) => under(k, this.v(path)) && k !== this.v(path));
    const labelled = [...this.labels].filter(([k]) => under(k, this.v(path)));
    const subdirs = [...this.dirs.keys()].filter((k) => under(k, this.v(path)));
    this.forget(path);
    for (const [k, n] of moved) this.shown.set(this.v(to) + k.slice(this.v(path).length), n);
    for (const [k, label] of labelled) this.labels.set(this.v(to) + k.slice(this.v(path).length), label);
    for (const k of subdirs) this.dirs.set(this.v(to) + k.slice(this.v(path).length), true);
    this.remember(to);
    this.changed(0);
    for (const [k, acl] of [...this.acls]) {
      if (!under(k, this.v(path))) continue;
      this.acls.delete(k);
      this.acls.set(this.v(to) + k.slice(this.v(path).length), acl);
    }
    // What was inside goes with it: recorded, so that nothing disappears from view.
    this.journal.record({ kind: 'directory', change: 'renamed', path, to, by: as.name, ...(carried.length ? { carried } : {}) });
  }

  /** The bytes of a file, read off the volume by an observer rather than by a user of the server. */
  peek(path: string): Buffer {
    return Buffer.from(this.volume.readFileSync(this.v(path)) as Buffer);
  }

  /** Every file on the volume under `root`, as Windows paths, in name order. */
  filesUnder(root: string): string[] {
    return this.walk(root).files;
  }

  /** Whether `as` could delete `path`: Delete on it, or delete-child on its parent (NT's rule). */
  mayDelete(path: string, as: Identity): boolean {
    const parent = parentOf(path);
    // A file has its directory's permissions; a directory has its own.
    const own = this.isDirectory(path) ? this.aclOf(path) : this.aclOf(parent);
    return allows(own, as, 'D') || allows(this.aclOf(parent), as, 'DeleteChild');
  }

  mayWrite(dir: string, as: Identity): boolean {
    return allows(this.aclOf(dir), as, 'W');
  }

  protected checkDelete(path: string, as: Identity): void {
    if (!this.mayDelete(path, as)) throw new Win32Error(ERROR_ACCESS_DENIED, path);
  }

  private check(dir: string, as: Identity, right: Right): void {
    if (!allows(this.aclOf(dir), as, right)) throw new Win32Error(ERROR_ACCESS_DENIED, dir);
  }

  private needDirectory(path: string): void {
    if (!this.isDirectory(path)) throw new Win32Error(ERROR_PATH_NOT_FOUND, path);
  }

  /** Where a Windows path lives on the volume: NTFS finds names whatever their case. */
  private v(path: string): string {
    return toVolume(path);
  }

  /** NTFS keeps a name in the case it was created with. */
  private remember(path: string): void {
    this.shown.set(toVolume(path), baseName(path));
  }

  private forget(path: string): void {
    const at = this.v(path);
    this.shown.delete(at);
    this.labels.delete(at);
    // A directory takes what is below it; a file only itself.
    if (!this.dirs.has(at)) return;
    this.dirs.delete(at);
    for (const map of [this.shown, this.labels, this.dirs]) for (const k of [...map.keys()]) if (under(k, at)) map.delete(k);
  }

  /** The names in a directory, each in the case it was created with, in name order. */
  private names(dir: string): string[] {
    const at = this.v(dir);
    const out: string[] = [];
    const add = (k: string): void => {
      if (k.lastIndexOf('/') === at.length && k.startsWith(at)) out.push(this.shown.get(k) ?? k.slice(at.length + 1));
    };
    for (const k of this.shown.keys()) add(k);
    for (const k of this.dirs.keys()) if (!this.shown.has(k)) add(k);
    return out.sort();
  }

  /** The file's label (its message), or its name when its content has none. */
  labelOf(file: string): string {
    return this.labels.get(this.v(file)) ?? baseName(file);
  }

  private named(file: string): { messageId?: string } {
    const label = this.labels.get(this.v(file));
    return label === undefined ? {} : { messageId: label };
  }

  private changed(bytes: number): void {
    this.used += bytes;
    this.generation++;
  }

  private sizeOf(path: string): number {
    const st = this.volume.statSync(this.v(path), { throwIfNoEntry: false });
    return st && !st.isDirectory() ? Number(st.size) : 0;
  }

  private forgetAcls(path: string): void {
    for (const k of [...this.acls.keys()]) if (under(k, this.v(path))) this.acls.delete(k);
  }

  /** The bytes in files, counted by walking the whole volume (for tests of the running count). */
  bytesByWalk(vpath = '/'): number {
    let total = 0;
    for (const name of this.volume.readdirSync(vpath) as string[]) {
      const p = vpath === '/' ? `/${name}` : `${vpath}/${name}`;
      const st = this.volume.statSync(p);
      total += st.isDirectory() ? this.bytesByWalk(p) : Number(st.size);
    }
    return total;
  }
}

/** Whether a volume path is `root` or lies below it. */
function under(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}
