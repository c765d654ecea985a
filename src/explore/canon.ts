// Canonical names for what a fingerprint mentions, so that two states that differ only in
// names the model made up compare equal: Message-IDs (which carry the interpreter's serial
// and the clock), directory objects (obj-7), spool files (IMC00012.TMP). Each is renamed by
// the order in which the fingerprint first meets it, and the fingerprint visits the state in
// an order of its own (queues in order, files in name order, objects in creation order), not
// in the order things happened. Times are told relative to now.
//
// Renaming is sound because nothing in the model or in a checker depends on the names except
// through equality, and on spool file names through their order (files are listed in name
// order, and a new file's name sorts after every existing one). What a message is, its
// origin, is named separately (origins.ts).

export class Canon {
  private readonly messages = new Map<string, string>();
  private readonly objects = new Map<string, string>();
  private readonly files = new Map<string, string>();

  /** `exactIds`: Message-IDs are kept as they are (where their length can matter: fingerprint.ts). */
  constructor(readonly now: number, private readonly exactIds = false) {}

  /** A Message-ID: m0, m1, ... */
  message(id: string): string;
  message(id: string | undefined): string | undefined;
  message(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    if (this.exactIds) return id;
    let name = this.messages.get(id);
    if (name === undefined) this.messages.set(id, (name = `m${this.messages.size}`));
    return name;
  }

  /** A directory object's identity: o0, o1, ... */
  object(id: string): string;
  object(id: string | null | undefined): string | null;
  object(id: string | null | undefined): string | null {
    if (id === null || id === undefined) return null;
    let name = this.objects.get(id);
    if (name === undefined) this.objects.set(id, (name = `o${this.objects.size}`));
    return name;
  }

  /** A spool file's base name (case-insensitive): f0, f1, ... in the order the caller ranks them. */
  file(name: string): string {
    const key = name.toLowerCase();
    let c = this.files.get(key);
    if (c === undefined) this.files.set(key, (c = `f${this.files.size}`));
    return c;
  }

  /** Whether a file name was given a canonical name (it is on the volume). */
  knowsFile(name: string): boolean {
    return this.files.has(name.toLowerCase());
  }

  /** A path with its file's base name canonical, when it names a known file. */
  path(path: string): string {
    const i = path.lastIndexOf('\\');
    const base = path.slice(i + 1);
    return this.knowsFile(base) ? `${path.slice(0, i + 1).toLowerCase()}${this.file(base)}` : path.toLowerCase();
  }

  /** Seconds from now (negative: in the past). */
  time(t: number): number {
    return t - this.now;
  }
}
