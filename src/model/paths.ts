// Windows paths, as users read them in events and dialogs, and where they live on the memfs
// volume. NTFS names are case-insensitive, so the volume keeps them in lower case.

export const DRIVE = 'C:';
export const EXCHSRVR = 'C:\\exchsrvr';
/** The IMC/IMS working tree (Q146791: "EXCHSRVR\IMCDATA\IN"). */
export const IMCDATA = 'C:\\exchsrvr\\imcdata';

/** The spool directories: SMTP mail is received into work, moved to in, and outbound mail leaves through out. */
export type SpoolDir = 'work' | 'in' | 'out';
export const SPOOL_DIRS: readonly SpoolDir[] = ['work', 'in', 'out'];

export function spoolPath(dir: SpoolDir): string {
  return `${IMCDATA}\\${dir}`;
}

export function join(dir: string, name: string): string {
  return dir.endsWith('\\') ? `${dir}${name}` : `${dir}\\${name}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('\\');
  return i <= 2 ? path.slice(0, 3) : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}

/** Same object on NTFS: compares without regard to case. */
export function samePath(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const volumePaths = new Map<string, string>();

/** 'C:\exchsrvr\imcdata\In' -> '/c/exchsrvr/imcdata/in' (memoised: the same few paths come back all the time). */
export function toVolume(path: string): string {
  let v = volumePaths.get(path);
  if (v === undefined) {
    v = convert(path);
    if (volumePaths.size < 10_000) volumePaths.set(path, v);
  }
  return v;
}

function convert(path: string): string {
  const m = /^([A-Za-z]):(\\.*)?$/.exec(path);
  if (!m) throw new Error(`not an absolute Windows path: ${path}`);
  const rest = (m[2] ?? '').replace(/\\/g, '/').replace(/\/$/, '');
  return `/${m[1]!.toLowerCase()}${rest.toLowerCase()}`;
}

