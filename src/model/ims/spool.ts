// The IMS's spool under C:\exchsrvr\imcdata. Inbound SMTP mail is written to work and moved
// to in; a poller converts what is in `in` through the store into MTS-IN, and takes what
// waits in MTS-OUT out through `out`. Every file call runs as the Exchange service account.

import { composeMessage, headerText, messageIdOf } from '../../mail/mime.ts';
import { DRIVE, SPOOL_DIRS, join, spoolPath, type SpoolDir } from '../paths.ts';
import { SERVICE_ACCOUNT } from '../principals.ts';
import { INTERNAL_ERROR, REPLY, type Reply } from '../smtp.ts';
import type { StoredMessage } from '../message.ts';
import { ERROR_ACCESS_DENIED, ERROR_DISK_FULL, ERROR_PATH_NOT_FOUND, Win32Error, systemText } from '../win32.ts';
import type { World } from '../world.ts';
import { rfc5322Date } from '../calendar.ts';

export class ImsSpool {
  private serial = 0;
  /** The inbound thread is inside a store call that has not returned (the rewind loop). */
  private waitingOnStore = false;
  /** The connector's last look at its in directory found it gone (interpretation missingInCalls). */
  inFoundMissing = false;

  constructor(protected readonly w: World) {}

  /**
   * At start: every spool directory must exist and be writable by the service account.
   * A missing one is recreated where the release does so (Q146791-R1); otherwise 4070 and 4131.
   */
  prepare(): boolean {
    for (const dir of SPOOL_DIRS) {
      const path = spoolPath(dir);
      if (!this.w.disk.isDirectory(path)) {
        if (!this.w.traits.recreatesSpoolAtStart) return this.cannotStart(ERROR_PATH_NOT_FOUND);
        if (!this.recreate(dir)) return false;
      }
      if (!this.w.disk.mayWrite(path, SERVICE_ACCOUNT)) return this.cannotStart(ERROR_ACCESS_DENIED);
    }
    return true;
  }

  /** End of DATA: the message is written to work, then moved to in. Null: the connection dropped. */
  receive(bytes: Buffer): Reply | null {
    const name = this.nextName();
    const work = join(spoolPath('work'), name);
    const inbound = join(spoolPath('in'), name);
    try {
      this.w.disk.write(work, bytes, SERVICE_ACCOUNT);
    } catch (e) {
      // No room for the message: not accepted (Q146791-S1; assumption A-DISK-FULL).
      if (isWin32(e, ERROR_DISK_FULL)) return INTERNAL_ERROR;
      return this.lost(e, 'it could not write to its work directory');
    }
    try {
      this.w.disk.move(work, inbound, SERVICE_ACCOUNT);
    } catch (e) {
      this.discard(work);
      if (this.w.traits.onSpoolLoss === 'stop') return this.lost(e, 'it could not move a message to its in directory');
      // Q146791-M1: the accepted call's mail is rejected with event 4055.
      this.w.log.write(4055, { drive: DRIVE, filename: name, 'system error': systemText(codeOf(e)) });
      return INTERNAL_ERROR;
    }
    return REPLY.ok;
  }

  /** One pass of the poller: inbound, then outbound (each as the transfer mode allows: it takes no part in what comes in by SMTP). */
  poll(): void {
    this.pollInbound();
    if (this.w.ims.running && this.w.ims.responding && this.w.connections.outbound) this.pollOutbound();
  }

  /** Whether a stop can close down cleanly (Q146791-S3). */
  canClose(): boolean {
    return this.w.disk.isDirectory(spoolPath('in')) && !this.w.ims.lowOnDisk();
  }

  /** The service stopped: a thread stuck in the store is gone with its process, and what it knew. */
  reset(): void {
    this.waitingOnStore = false;
    this.inFoundMissing = false;
  }

  protected pollInbound(): void {
    if (this.waitingOnStore) return;
    const dir = spoolPath('in');
    let names: string[];
    try {
      names = this.w.disk.list(dir, SERVICE_ACCOUNT);
      this.inFoundMissing = false;
    } catch (e) {
      // The 4.0 IMC finds nothing to do, and knows in is gone; the 5.x IMS cannot open its temporary files (Q231737-S1).
      this.inFoundMissing = !this.w.disk.isDirectory(dir);
      if (this.w.traits.onSpoolLoss === 'stop') this.lost(e, 'it could not open its in directory');
      return;
    }
    for (const name of names) {
      const file = join(dir, name);
      let bytes: Buffer;
      try {
        bytes = this.w.disk.read(file, SERVICE_ACCOUNT);
        // Only hand over what can be taken off the spool afterwards, so nothing is submitted twice.
        if (!this.w.disk.mayDelete(file, SERVICE_ACCOUNT)) throw new Win32Error(ERROR_ACCESS_DENIED, file);
      } catch (e) {
        this.lost(e, 'it could not open a temporary message file');
        return;
      }
      // The store converts it (assumption A-STORE-CONVERSION).
      const result = this.w.store.convertInbound(bytes);
      if (result.status === 'hangs') return this.w.ims.shutDownSilently();
      if (result.status === 'unavailable') return;
      switch (result.value) {
        case 'looping':
          // The file stays in `in`: the converting thread never comes back (Q168139-M1).
          this.waitingOnStore = true;
          return;
        // The file stays in `in`, to be retried when the server restarts (Q293288, Q325939: event 4182).
        case 'failed': return this.w.ims.storeError(file);
        case 'out-of-memory': return this.w.ims.outOfMemory(file);
        default:
      }
      this.w.disk.remove(file, SERVICE_ACCOUNT);
    }
  }

  protected pollOutbound(): void {
    for (;;) {
      const next = this.w.store.peekOutbound();
      if (next.status === 'hangs') return this.w.ims.shutDownSilently();
      if (next.status !== 'done' || !next.value) return;
      if (!this.send(next.value)) return;
    }
  }

  /** Out through `out` to the Internet; false when the spool would not take it (it waits in MTS-OUT). */
  protected send(m: StoredMessage): boolean {
    const file = join(spoolPath('out'), this.nextName());
    let sent: string | undefined;
    try {
      this.w.disk.write(file, this.bytesOf(m), SERVICE_ACCOUNT);
      sent = messageIdOf(this.w.disk.read(file, SERVICE_ACCOUNT));
      this.w.disk.remove(file, SERVICE_ACCOUNT);
    } catch (e) {
      // It stays in MTS-OUT for a later pass; once written, the Internet takes it (A-SUBMIT).
      if (!isWin32(e, ERROR_DISK_FULL) && this.w.traits.onSpoolLoss === 'stop') this.lost(e, 'it could not use its out directory');
      return false;
    }
    this.w.internet.push({ ...m, messageId: sent ?? m.messageId });
    this.w.store.removeOutbound(m.messageId);
    this.w.journal.record({ kind: 'queue', queue: 'Internet', change: 'added', messageId: m.messageId, ...(m.returns === undefined ? {} : { returns: m.returns }) });
    return true;
  }

  protected recreate(dir: SpoolDir): boolean {
    try {
      this.w.disk.mkdir(spoolPath(dir), SERVICE_ACCOUNT);
      return true;
    } catch (e) {
      return this.cannotStart(codeOf(e));
    }
  }

  private cannotStart(code: number): false {
    this.w.ims.logSpoolFailure(code);
    return false;
  }

  /** A spool directory failed under the running service: per release, reject the mail or stop (Q231737-S1). */
  private lost(e: unknown, why: string): Reply | null {
    if (this.w.traits.onSpoolLoss === 'reject') return INTERNAL_ERROR;
    this.w.ims.failOnSpool(codeOf(e), `stopped: ${why}`);
    return null;
  }

  private discard(file: string): void {
    try {
      this.w.disk.remove(file, SERVICE_ACCOUNT);
    } catch {
      // Already gone with its directory.
    }
  }

  private bytesOf(m: StoredMessage): Buffer {
    // Text the store took from a bad inbound header may not be ASCII; the IMS encodes it going out.
    return composeMessage({ messageId: m.messageId, from: headerText(m.from), to: headerText(m.to), subject: headerText(m.subject), date: rfc5322Date(this.w.clock.now), body: '' });
  }

  /** Spool file names (assumption A-SPOOL-NAMES). */
  private nextName(): string {
    this.serial += 1;
    return `IMC${this.serial.toString().padStart(5, '0')}.TMP`;
  }
}

function isWin32(e: unknown, code: number): boolean {
  return e instanceof Win32Error && e.code === code;
}

function codeOf(e: unknown): number {
  if (e instanceof Win32Error) return e.code;
  throw e;
}
