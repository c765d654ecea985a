// Models that get Q231737 wrong: about the running IMS, the permissions, the resolution.

import type { Variant } from '../../src/harness/variant.ts';
import { Disk } from '../../src/model/disk.ts';
import { IMC } from '../../src/model/exchangeServices.ts';
import { samePath, spoolPath } from '../../src/model/paths.ts';
import { OUTSIDE_AGENT, type Identity } from '../../src/model/principals.ts';
import { ERROR_SHARING_VIOLATION, Win32Error } from '../../src/model/win32.ts';
import { diskOptionsOf, type World } from '../../src/model/world.ts';

/** NT refuses to remove a directory the running IMS holds open. */
class DiskWithInHeldOpen extends Disk {
  constructor(private readonly w: World) {
    super(diskOptionsOf(w), w.journal);
  }
  private held(path: string): boolean {
    return samePath(path, spoolPath('in')) && this.w.scm.isRunning(IMC);
  }
  override rmdir(path: string, as: Identity, tree: boolean): void {
    if (this.held(path)) throw new Win32Error(ERROR_SHARING_VIOLATION, path);
    super.rmdir(path, as, tree);
  }
  override rename(path: string, newName: string, as: Identity): void {
    if (this.held(path)) throw new Win32Error(ERROR_SHARING_VIOLATION, path);
    super.rename(path, newName, as);
  }
}

/** Read Only that still lets a member of Everyone delete. */
class DiskWhereReadAllowsDelete extends Disk {
  constructor(w: World) {
    super(diskOptionsOf(w), w.journal);
  }
  override mayDelete(path: string, as: Identity): boolean {
    return as === OUTSIDE_AGENT || super.mayDelete(path, as);
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'ims-keeps-running-without-in',
    description: 'Reading spoolLossWhileRunning = reject-every-version: the 5.x IMS keeps running and rejects mail, as the 4.0 IMC does.',
    breaks: ['Q231737-S2 IMS stops with 4070 and 4131'],
    readings: { spoolLossWhileRunning: 'reject-every-version' },
  },
  {
    name: 'ims-needs-in-to-start',
    description: 'Reading inAtStart = fail-while-missing: the 5.x IMS does not start while in is missing.',
    breaks: ['Q231737-S3 restart helps until the next deletion'],
    readings: { inAtStart: 'fail-while-missing' },
  },
  {
    name: 'in-held-open-while-running',
    description: 'NT refuses to delete or rename in while the IMS runs (a sharing violation), whatever the permissions.',
    breaks: ['Q231737-C1 agent can remove in unless Read Only'],
    parts: { disk: (w) => new DiskWithInHeldOpen(w) },
  },
  {
    name: 'read-only-on-imcdata-only',
    description: 'Reading resolutionAclScope = imcdata-only: step 3 leaves the existing in with its own permissions.',
    breaks: ['Q231737-R1 resolution protects in for good'],
    readings: { resolutionAclScope: 'imcdata-only' },
  },
  {
    name: 'read-only-does-not-stop-the-agent',
    description: 'Permissions that never stop an outside agent from deleting: Read Only protects nothing.',
    breaks: ['Q231737-R1 resolution protects in for good'],
    parts: { disk: (w) => new DiskWhereReadAllowsDelete(w) },
  },
];
