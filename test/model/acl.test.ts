// NT 4 permissions, alone and on the Disk: rights of the standard permissions, No Access,
// group membership, NT 4's copy-at-creation inheritance, the Q231737 delete cases, rename,
// capacity, and NTFS's case rules.

import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allows, type Acl, type Permission, type Right } from '../../src/model/acl.ts';
import { Disk } from '../../src/model/disk.ts';
import { Journal } from '../../src/model/journal.ts';
import { toVolume } from '../../src/model/paths.ts';
import { ADMINISTRATOR, OUTSIDE_AGENT, SERVICE_ACCOUNT } from '../../src/model/principals.ts';
import { Win32Error } from '../../src/model/win32.ts';

const ALL_RIGHTS: readonly Right[] = ['R', 'W', 'X', 'D', 'P', 'O', 'DeleteChild'];

// NT 4 Explorer's standard directory permissions, as its documentation gives them:
// Read = (RX), Change = (RWXD), Full Control = (All), which alone includes delete-child.
const GRANTS: Record<Permission, Record<Right, boolean>> = {
  'No Access': { R: false, W: false, X: false, D: false, P: false, O: false, DeleteChild: false },
  Read: { R: true, W: false, X: true, D: false, P: false, O: false, DeleteChild: false },
  Change: { R: true, W: true, X: true, D: true, P: false, O: false, DeleteChild: false },
  'Full Control': { R: true, W: true, X: true, D: true, P: true, O: true, DeleteChild: true },
};

const IMCDATA = 'C:\\exchsrvr\\imcdata';
const IN = 'C:\\exchsrvr\\imcdata\\in';

function newDisk(): Disk {
  return new Disk({ capacityBytes: 10_000, baselineUseBytes: 1_000 }, new Journal(() => 0));
}

/** The code of the Win32Error `run` throws (fails the test if it throws anything else, or nothing). */
function win32Code(run: () => void): number {
  try {
    run();
  } catch (e) {
    if (e instanceof Win32Error) return e.code;
    throw e;
  }
  throw new Error('expected a Win32Error, nothing was thrown');
}

describe('allows: NT 4 standard permissions', () => {
  for (const [permission, rights] of Object.entries(GRANTS) as [Permission, Record<Right, boolean>][]) {
    for (const right of ALL_RIGHTS) {
      it(`${permission} ${rights[right] ? 'grants' : 'does not grant'} ${right}`, () => {
        expect(allows([{ group: 'Everyone', permission }], OUTSIDE_AGENT, right)).toBe(rights[right]);
      });
    }
  }

  it('an empty ACL grants nothing', () => {
    for (const right of ALL_RIGHTS) expect(allows([], ADMINISTRATOR, right)).toBe(false);
  });

  it('No Access for one group denies even when another group grants Full Control', () => {
    const acl: Acl = [
      { group: 'Everyone', permission: 'Full Control' },
      { group: 'Exchange service account', permission: 'No Access' },
    ];
    for (const right of ALL_RIGHTS) {
      expect(allows(acl, SERVICE_ACCOUNT, right)).toBe(false);
      // The outside agent is not in the denied group.
      expect(allows(acl, OUTSIDE_AGENT, right)).toBe(true);
    }
  });

  it('rights from several groups add up', () => {
    const acl: Acl = [
      { group: 'Everyone', permission: 'Read' },
      { group: 'Exchange service account', permission: 'Change' },
    ];
    expect(allows(acl, SERVICE_ACCOUNT, 'W')).toBe(true);
    expect(allows(acl, OUTSIDE_AGENT, 'W')).toBe(false);
    expect(allows(acl, OUTSIDE_AGENT, 'R')).toBe(true);
  });

  it('the outside agent is only in Everyone; the service account is in Everyone and its own group', () => {
    expect([...OUTSIDE_AGENT.memberOf]).toEqual(['Everyone']);
    expect([...SERVICE_ACCOUNT.memberOf].sort()).toEqual(['Everyone', 'Exchange service account']);
    const own: Acl = [{ group: 'Exchange service account', permission: 'Full Control' }];
    expect(allows(own, SERVICE_ACCOUNT, 'W')).toBe(true);
    expect(allows(own, OUTSIDE_AGENT, 'R')).toBe(false);
    const admins: Acl = [{ group: 'Administrators', permission: 'Full Control' }];
    expect(allows(admins, OUTSIDE_AGENT, 'R')).toBe(false);
    expect(allows(admins, SERVICE_ACCOUNT, 'R')).toBe(false);
    expect(allows(admins, ADMINISTRATOR, 'DeleteChild')).toBe(true);
  });
});

describe('Disk: NT 4 inheritance', () => {
  const rootAcl: Acl = [
    { group: 'Administrators', permission: 'Full Control' },
    { group: 'Everyone', permission: 'Change' },
  ];

  it('a new directory copies its parent entries at creation', () => {
    const disk = newDisk();
    disk.install('C:\\', rootAcl);
    disk.mkdir('C:\\a', ADMINISTRATOR);
    disk.mkdir('C:\\a\\b', OUTSIDE_AGENT);
    expect(disk.aclOf('C:\\a')).toEqual(rootAcl);
    expect(disk.aclOf('C:\\a\\b')).toEqual(rootAcl);
  });

  it('a later change to the parent does not reach an existing child, but reaches a new one', () => {
    const disk = newDisk();
    disk.install('C:\\', rootAcl);
    disk.mkdir('C:\\a', ADMINISTRATOR);
    disk.mkdir('C:\\a\\old', ADMINISTRATOR);
    disk.setEntry('C:\\a', 'Everyone', 'Read', ADMINISTRATOR);
    disk.mkdir('C:\\a\\new', ADMINISTRATOR);
    expect(allows(disk.aclOf('C:\\a\\old'), OUTSIDE_AGENT, 'W')).toBe(true);
    expect(allows(disk.aclOf('C:\\a\\new'), OUTSIDE_AGENT, 'W')).toBe(false);
    expect(disk.mayWrite('C:\\a\\old', OUTSIDE_AGENT)).toBe(true);
    expect(disk.mayWrite('C:\\a\\new', OUTSIDE_AGENT)).toBe(false);
  });

  it('setEntry on a directory changes only that directory', () => {
    const disk = newDisk();
    disk.install('C:\\', rootAcl);
    disk.mkdir('C:\\a', ADMINISTRATOR);
    disk.mkdir('C:\\a\\b', ADMINISTRATOR);
    disk.mkdir('C:\\c', ADMINISTRATOR);
    disk.setEntry('C:\\a', 'Everyone', 'No Access', ADMINISTRATOR);
    expect(disk.aclOf('C:\\a')).toEqual([
      { group: 'Administrators', permission: 'Full Control' },
      { group: 'Everyone', permission: 'No Access' },
    ]);
    for (const other of ['C:\\', 'C:\\a\\b', 'C:\\c']) expect(disk.aclOf(other)).toEqual(rootAcl);
    // Removing an entry leaves the others.
    disk.setEntry('C:\\c', 'Everyone', null, ADMINISTRATOR);
    expect(disk.aclOf('C:\\c')).toEqual([{ group: 'Administrators', permission: 'Full Control' }]);
  });

  it('setEntry on a missing directory fails with path not found (3)', () => {
    const disk = newDisk();
    disk.install('C:\\', rootAcl);
    expect(win32Code(() => disk.setEntry('C:\\nowhere', 'Everyone', 'Read', ADMINISTRATOR))).toBe(3);
  });
});

describe('Disk: deleting the in directory (Q231737)', () => {
  /** imcdata and in as Exchange setup leaves them: Everyone and the service account have Full Control. */
  function spool(): Disk {
    const disk = newDisk();
    const acl: Acl = [
      { group: 'Administrators', permission: 'Full Control' },
      { group: 'Everyone', permission: 'Full Control' },
      { group: 'Exchange service account', permission: 'Full Control' },
    ];
    disk.install('C:\\', [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.install(IMCDATA, acl);
    disk.install(IN, acl);
    disk.write(`${IN}\\IMC00001.TMP`, Buffer.from('a message'), SERVICE_ACCOUNT);
    return disk;
  }

  it('with Everyone Full Control, the outside agent deletes in and what is in it', () => {
    const disk = spool();
    disk.rmdir(IN, OUTSIDE_AGENT, true);
    expect(disk.exists(IN)).toBe(false);
    expect(disk.exists(`${IN}\\IMC00001.TMP`)).toBe(false);
    expect(disk.bytesByWalk()).toBe(0);
  });

  it('with Everyone Read on imcdata and in, the agent is denied (5), in stays, and the service account still writes there', () => {
    const disk = spool();
    disk.setEntry(IMCDATA, 'Everyone', 'Read', ADMINISTRATOR);
    disk.setEntry(IN, 'Everyone', 'Read', ADMINISTRATOR);
    expect(disk.mayDelete(IN, OUTSIDE_AGENT)).toBe(false);
    expect(win32Code(() => disk.rmdir(IN, OUTSIDE_AGENT, true))).toBe(5);
    expect(disk.isDirectory(IN)).toBe(true);
    expect(disk.exists(`${IN}\\IMC00001.TMP`)).toBe(true);
    // Nor can it delete, or write, a single file.
    expect(win32Code(() => disk.remove(`${IN}\\IMC00001.TMP`, OUTSIDE_AGENT))).toBe(5);
    expect(win32Code(() => disk.write(`${IN}\\x.TMP`, Buffer.from('x'), OUTSIDE_AGENT))).toBe(5);
    // The service account has its own Full Control entry.
    expect(disk.mayWrite(IN, SERVICE_ACCOUNT)).toBe(true);
    disk.write(`${IN}\\IMC00002.TMP`, Buffer.from('another'), SERVICE_ACCOUNT);
    expect(disk.filesUnder(IN)).toEqual([`${IN}\\IMC00001.TMP`, `${IN}\\IMC00002.TMP`]);
    disk.remove(`${IN}\\IMC00001.TMP`, SERVICE_ACCOUNT);
    expect(disk.filesUnder(IN)).toEqual([`${IN}\\IMC00002.TMP`]);
  });

  it('with Read on imcdata only, in keeps Full Control and the agent can still delete it (Delete on the object suffices)', () => {
    const disk = spool();
    disk.setEntry(IMCDATA, 'Everyone', 'Read', ADMINISTRATOR);
    expect(disk.mayDelete(IN, OUTSIDE_AGENT)).toBe(true);
    disk.rmdir(IN, OUTSIDE_AGENT, true);
    expect(disk.exists(IN)).toBe(false);
  });

  it('delete-child on imcdata (Full Control) lets the agent delete an empty in that is Read Only', () => {
    const disk = spool();
    disk.remove(`${IN}\\IMC00001.TMP`, SERVICE_ACCOUNT);
    disk.setEntry(IN, 'Everyone', 'Read', ADMINISTRATOR);
    expect(disk.mayDelete(IN, OUTSIDE_AGENT)).toBe(true);
    disk.rmdir(IN, OUTSIDE_AGENT, false);
    expect(disk.exists(IN)).toBe(false);
  });

  it('Change on imcdata (no delete-child) does not let the agent delete a Read Only in', () => {
    const disk = spool();
    disk.remove(`${IN}\\IMC00001.TMP`, SERVICE_ACCOUNT);
    disk.setEntry(IMCDATA, 'Everyone', 'Change', ADMINISTRATOR);
    disk.setEntry(IN, 'Everyone', 'Read', ADMINISTRATOR);
    expect(disk.mayDelete(IN, OUTSIDE_AGENT)).toBe(false);
    expect(win32Code(() => disk.rmdir(IN, OUTSIDE_AGENT, false))).toBe(5);
    expect(disk.isDirectory(IN)).toBe(true);
  });

  it('the files inside a Read Only in still need Delete or delete-child on in itself', () => {
    const disk = spool();
    disk.setEntry(IN, 'Everyone', 'Read', ADMINISTRATOR);
    // Full Control on imcdata lets the agent delete in, but not the file inside it.
    expect(win32Code(() => disk.rmdir(IN, OUTSIDE_AGENT, true))).toBe(5);
    expect(disk.exists(`${IN}\\IMC00001.TMP`)).toBe(true);
  });

  it('rmdir without tree refuses a directory that is not empty (145)', () => {
    const disk = spool();
    expect(win32Code(() => disk.rmdir(IN, OUTSIDE_AGENT, false))).toBe(145);
    expect(disk.isDirectory(IN)).toBe(true);
  });
});

describe('Disk: rename needs Delete on the directory and Write on its parent', () => {
  function tree(parent: Permission, child: Permission): Disk {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.install('C:\\p', [{ group: 'Everyone', permission: parent }]);
    disk.install('C:\\p\\d', [{ group: 'Everyone', permission: child }]);
    return disk;
  }

  it('Change on both: renamed, and its permissions go with it', () => {
    const disk = tree('Change', 'Change');
    disk.rename('C:\\p\\d', 'e', OUTSIDE_AGENT);
    expect(disk.exists('C:\\p\\d')).toBe(false);
    expect(disk.isDirectory('C:\\p\\e')).toBe(true);
    expect(disk.aclOf('C:\\p\\e')).toEqual([{ group: 'Everyone', permission: 'Change' }]);
  });

  it('Read on the directory and no delete-child on the parent: denied', () => {
    const disk = tree('Change', 'Read');
    expect(win32Code(() => disk.rename('C:\\p\\d', 'e', OUTSIDE_AGENT))).toBe(5);
    expect(disk.isDirectory('C:\\p\\d')).toBe(true);
    expect(disk.exists('C:\\p\\e')).toBe(false);
  });

  it('Full Control on the directory but only Read on the parent: denied', () => {
    const disk = tree('Read', 'Full Control');
    expect(win32Code(() => disk.rename('C:\\p\\d', 'e', OUTSIDE_AGENT))).toBe(5);
    expect(disk.isDirectory('C:\\p\\d')).toBe(true);
  });

  it('Read on the directory, Full Control on the parent (delete-child and write): renamed', () => {
    const disk = tree('Full Control', 'Read');
    disk.rename('C:\\p\\d', 'e', OUTSIDE_AGENT);
    expect(disk.isDirectory('C:\\p\\e')).toBe(true);
  });

  it('renaming onto an existing name fails with 183', () => {
    const disk = tree('Full Control', 'Full Control');
    disk.mkdir('C:\\p\\e', OUTSIDE_AGENT);
    expect(win32Code(() => disk.rename('C:\\p\\d', 'e', OUTSIDE_AGENT))).toBe(183);
  });
});

describe('Disk: capacity', () => {
  function open(): Disk {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Administrators', permission: 'Full Control' }]);
    return disk;
  }

  it('installing a directory creates its missing parents, and the disk knows them as directories', () => {
    const disk = newDisk();
    disk.install('C:\\exchsrvr\\imcdata', [{ group: 'Administrators', permission: 'Full Control' }]);
    for (const path of ['C:\\', 'C:\\exchsrvr', 'C:\\exchsrvr\\imcdata']) expect([path, disk.exists(path), disk.isDirectory(path)]).toEqual([path, true, true]);
    expect(disk.walk('C:\\')).toEqual({ dirs: ['C:\\exchsrvr', 'C:\\exchsrvr\\imcdata'], files: [] });
    expect(recorded(disk)).toEqual(onVolume(disk));
  });

  it('starts with capacity minus baseline free', () => {
    expect(open().freeBytes()).toBe(9_000);
  });

  it('a write larger than free space throws 112 and leaves nothing behind', () => {
    const disk = open();
    expect(win32Code(() => disk.write('C:\\big', Buffer.alloc(9_001), ADMINISTRATOR))).toBe(112);
    expect(disk.exists('C:\\big')).toBe(false);
    expect(disk.freeBytes()).toBe(9_000);
    expect(disk.bytesByWalk()).toBe(0);
    disk.write('C:\\big', Buffer.alloc(9_000), ADMINISTRATOR);
    expect(disk.freeBytes()).toBe(0);
  });

  it('an overwrite needs room only for the growth, and a failed one keeps the old file', () => {
    const disk = open();
    disk.write('C:\\f', Buffer.alloc(5_000, 1), ADMINISTRATOR);
    disk.write('C:\\f', Buffer.alloc(8_000, 2), ADMINISTRATOR);
    expect(disk.freeBytes()).toBe(1_000);
    expect(win32Code(() => disk.write('C:\\f', Buffer.alloc(9_001, 3), ADMINISTRATOR))).toBe(112);
    expect(disk.peek('C:\\f')).toEqual(Buffer.alloc(8_000, 2));
    disk.write('C:\\f', Buffer.alloc(10), ADMINISTRATOR);
    expect(disk.freeBytes()).toBe(8_990);
  });

  it('fillTo leaves the asked free space, release gives it back', () => {
    const disk = open();
    disk.write('C:\\f', Buffer.alloc(2_000), ADMINISTRATOR);
    disk.fillTo(300);
    expect(disk.freeBytes()).toBe(300);
    expect(win32Code(() => disk.write('C:\\g', Buffer.alloc(301), ADMINISTRATOR))).toBe(112);
    disk.write('C:\\g', Buffer.alloc(300), ADMINISTRATOR);
    expect(disk.freeBytes()).toBe(0);
    disk.release();
    expect(disk.freeBytes()).toBe(9_000 - 2_300);
    // More free space than there is room for: as much as there is.
    disk.fillTo(1_000_000);
    expect(disk.freeBytes()).toBe(9_000 - 2_300);
  });

  it('the running count of used bytes, and the disk\'s record of what is where, match the volume after any sequence of changes', () => {
    // Directly under the drive root too, where joining names once went wrong (see 'NTFS case').
    const dirs = ['C:\\d1', 'C:\\d2', 'C:\\d1\\d3', 'C:\\d2\\d3'];
    const files = dirs.flatMap((d) => [`${d}\\f1.txt`, `${d}\\F2.TXT`]).concat(['C:\\f0.txt']);
    const PROBED = [...dirs, ...files, 'C:\\', ...['d1', 'd2', 'd3', 'D3'].flatMap((n) => [`C:\\${n}`, `C:\\d1\\${n}`, `C:\\d2\\${n}`])];
    type Op =
      | { op: 'write'; file: string; size: number }
      | { op: 'move'; from: string; to: string }
      | { op: 'remove'; file: string }
      | { op: 'mkdir'; dir: string }
      | { op: 'rmdir'; dir: string; tree: boolean }
      | { op: 'rename'; dir: string; name: string }
      | { op: 'fill'; free: number }
      | { op: 'release' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ op: fc.constant('write' as const), file: fc.constantFrom(...files), size: fc.nat(3_000) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), from: fc.constantFrom(...files), to: fc.constantFrom(...files) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fc.constantFrom(...files) }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('mkdir' as const), dir: fc.constantFrom(...dirs) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('rmdir' as const), dir: fc.constantFrom(...dirs), tree: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), dir: fc.constantFrom(...dirs), name: fc.constantFrom('d1', 'd2', 'd3', 'D3') }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('fill' as const), free: fc.nat(4_000) }) },
      { weight: 1, arbitrary: fc.constant({ op: 'release' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60, size: 'max' }), (ops) => {
        const disk = open();
        let filled = false;
        for (const o of ops) {
          const before = o.op === 'write' && disk.exists(o.file) ? disk.peek(o.file) : undefined;
          try {
            switch (o.op) {
              case 'write': disk.write(o.file, Buffer.alloc(o.size, 7), ADMINISTRATOR); break;
              case 'move': disk.move(o.from, o.to, ADMINISTRATOR); break;
              case 'remove': disk.remove(o.file, ADMINISTRATOR); break;
              case 'mkdir': disk.mkdir(o.dir, ADMINISTRATOR); break;
              case 'rmdir': disk.rmdir(o.dir, ADMINISTRATOR, o.tree); break;
              case 'rename': disk.rename(o.dir, o.name, ADMINISTRATOR); break;
              case 'fill': disk.fillTo(o.free); filled = true; break;
              case 'release': disk.release(); filled = false; break;
            }
          } catch (e) {
            // Only Win32 failures (missing paths, existing names, full disk, non-empty directories)
            // are expected; the Administrators' Full Control, copied to every new directory, means
            // access is never denied, not even in the subdirectories of a renamed directory.
            if (!(e instanceof Win32Error)) throw e;
            expect(e.code).not.toBe(5);
            if (o.op === 'write' && e.code === 112) {
              // Nothing left behind: the old content, or no file.
              if (before) expect(disk.peek(o.file)).toEqual(before);
              else expect(disk.exists(o.file)).toBe(false);
            }
          }
          if (!filled) expect(9_000 - disk.freeBytes()).toBe(disk.bytesByWalk());
          expect(disk.freeBytes()).toBeGreaterThanOrEqual(0);
          // What the disk's record answers, against the volume read back; compared whole, once a step.
          const said = { tree: recorded(disk), paths: PROBED.map((path) => [path, disk.exists(path), disk.isDirectory(path), disk.isDirectory(path) ? disk.list(path, ADMINISTRATOR).map((n) => n.toLowerCase()).sort() : null]) };
          const tree = onVolume(disk);
          const read = { tree, paths: PROBED.map((path) => volumeAnswers(tree, path)) };
          if (JSON.stringify(said) !== JSON.stringify(read)) expect(said).toEqual(read);
        }
        disk.release();
        expect(9_000 - disk.freeBytes()).toBe(disk.bytesByWalk());
      }),
      { seed: 231737, numRuns: 300 },
    );
  });
});

/** What the disk says is under C:\\ (its own record), as volume paths. */
function recorded(disk: Disk): { dirs: string[]; files: string[] } {
  const { dirs, files } = disk.walk('C:\\');
  return { dirs: dirs.map(toVolume).sort(), files: files.map(toVolume).sort() };
}

/** Whether the volume has `path`, whether it is a directory, and the files it lists there (lower case, as the volume keeps them), from the volume's tree. */
function volumeAnswers(tree: { dirs: string[]; files: string[] }, path: string): [string, boolean, boolean, string[] | null] {
  const at = toVolume(path);
  const dir = at === '/c' || tree.dirs.includes(at);
  const files = dir ? tree.files.filter((f) => f.slice(0, f.lastIndexOf('/')) === at).map((f) => f.slice(at.length + 1)).sort() : null;
  return [path, dir || tree.files.includes(at), dir, files];
}

/** What the memfs volume holds under /c, read off the volume itself. */
function onVolume(disk: Disk): { dirs: string[]; files: string[] } {
  const out = { dirs: [] as string[], files: [] as string[] };
  const visit = (at: string): void => {
    for (const e of disk.volume.readdirSync(at, { withFileTypes: true }) as { name: unknown; isDirectory(): boolean }[]) {
      const path = `${at}/${String(e.name)}`;
      if (e.isDirectory()) {
        out.dirs.push(path);
        visit(path);
      } else out.files.push(path);
    }
  };
  visit('/c');
  return { dirs: out.dirs.sort(), files: out.files.sort() };
}

describe('Disk: rename carries the permissions of subdirectories', () => {
  // Before commit 8d84157 this failed: Disk.rename (and forgetAcls) looked for subdirectory keys with
  // `key(path) + '\\'`, but keys are volume paths joined with '/', so the subdirectories of a
  // renamed directory lost their entries and even an Administrator was denied (5) in them.
  it('a subdirectory of a renamed directory keeps its permissions', () => {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Administrators', permission: 'Full Control' }]);
    disk.mkdir('C:\\t', ADMINISTRATOR);
    disk.mkdir('C:\\t\\d1', ADMINISTRATOR);
    disk.mkdir('C:\\t\\d1\\d3', ADMINISTRATOR);
    disk.rename('C:\\t\\d1', 'd2', ADMINISTRATOR);
    expect(disk.aclOf('C:\\t\\d2\\d3')).toEqual([{ group: 'Administrators', permission: 'Full Control' }]);
    disk.write('C:\\t\\d2\\d3\\f1.txt', Buffer.alloc(1), ADMINISTRATOR);
  });
});

describe('Disk: NTFS case', () => {
  it('a directory created as In is found as in, and shown as In', () => {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.install(IMCDATA, [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.mkdir('C:\\exchsrvr\\imcdata\\In', OUTSIDE_AGENT);
    expect(disk.isDirectory(IN)).toBe(true);
    expect(disk.isDirectory('C:\\EXCHSRVR\\IMCDATA\\IN')).toBe(true);
    expect(win32Code(() => disk.mkdir(IN, OUTSIDE_AGENT))).toBe(183);
    expect(disk.subdirectories(IMCDATA)).toEqual(['C:\\exchsrvr\\imcdata\\In']);
    disk.write(`${IN}\\Msg.Txt`, Buffer.from('hello'), OUTSIDE_AGENT);
    expect(disk.list('C:\\exchsrvr\\imcdata\\IN', OUTSIDE_AGENT)).toEqual(['Msg.Txt']);
    expect(disk.filesUnder(IMCDATA)).toEqual(['C:\\exchsrvr\\imcdata\\In\\Msg.Txt']);
    expect(disk.read('C:\\exchsrvr\\imcdata\\in\\MSG.TXT', OUTSIDE_AGENT).toString()).toBe('hello');
    // Permissions set through one spelling are the permissions of the other.
    disk.setEntry('C:\\Exchsrvr\\Imcdata\\IN', 'Everyone', 'Read', ADMINISTRATOR);
    expect(disk.mayWrite(IN, OUTSIDE_AGENT)).toBe(false);
  });

  it('a renamed directory keeps the case of its new name and of what is inside', () => {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.mkdir('C:\\top', OUTSIDE_AGENT);
    disk.mkdir('C:\\top\\Old', OUTSIDE_AGENT);
    disk.write('C:\\top\\old\\Keep.Me', Buffer.from('x'), OUTSIDE_AGENT);
    disk.rename('C:\\TOP\\OLD', 'NewName', OUTSIDE_AGENT);
    expect(disk.subdirectories('C:\\top')).toEqual(['C:\\top\\NewName']);
    expect(disk.filesUnder('C:\\top')).toEqual(['C:\\top\\NewName\\Keep.Me']);
    expect(disk.aclOf('C:\\top\\newname')).toEqual([{ group: 'Everyone', permission: 'Full Control' }]);
  });

  // Before commit 8d84157 this failed: join('C:\\', name) gave 'C:\\\\name', so a directory renamed
  // directly under the drive root was stored under a key ('/c//name') that lookups never use:
  // it lost its permissions and its case, and walk('C:\\') reported 'C:\\\\Old'.
  it('a directory renamed directly under C:\\ keeps its permissions and is listed as C:\\Name', () => {
    const disk = newDisk();
    disk.install('C:\\', [{ group: 'Everyone', permission: 'Full Control' }]);
    disk.mkdir('C:\\Old', OUTSIDE_AGENT);
    disk.rename('C:\\Old', 'NewName', OUTSIDE_AGENT);
    expect(disk.aclOf('C:\\NewName')).toEqual([{ group: 'Everyone', permission: 'Full Control' }]);
    expect(disk.subdirectories('C:\\')).toEqual(['C:\\NewName']);
  });
});
