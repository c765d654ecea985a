// The IMC/IMS as a Windows NT service: what it checks when it starts, what it does when it
// is stopped, and how it ends when its spool or the store fails under it.

import type { Timer } from '../clock.ts';
import { IMC } from '../exchangeServices.ts';
import type { ServiceProgram, StartOrigin } from '../scm.ts';
import { ERROR_DISK_FULL, systemText } from '../win32.ts';
import type { World } from '../world.ts';

/** Seconds between the IMS's passes over its spool and MTS-OUT (assumption A-POLLING). */
export const SPOOL_POLL_SECONDS = 10;

/** Q146791-S3: the error Control Panel shows when the connector cannot stop cleanly. */
export const STOP_ERROR = '0008: Not enough storage space is available.';

export class InternetMailService implements ServiceProgram {
  private poller: Timer | undefined;

  constructor(protected readonly w: World) {}

  get running(): boolean {
    return this.w.scm.isRunning(IMC);
  }

  startSeconds(): number {
    return 2;
  }

  initialise(origin: StartOrigin): boolean {
    void origin;
    // The administrator mailbox first, then the spool (assumption A-START-ORDER).
    if (!this.adminMailboxUsable()) return false;
    if (!this.w.spool.prepare()) return false;
    if (this.w.traits.refusesStartWhenLow && this.lowOnDisk()) {
      this.logSpoolFailure(ERROR_DISK_FULL);
      return false;
    }
    this.poller = this.w.clock.every(SPOOL_POLL_SECONDS, 'IMS polls its spool and MTS-OUT', () => this.w.spool.poll());
    return true;
  }

  /** Q183178-C1, Q246115-C1: without a usable administrator mailbox the service does not start. */
  protected adminMailboxUsable(): boolean {
    const admin = this.w.adminMailbox.resolve();
    if (admin.ok) return true;
    for (const id of this.w.traits.adminMailboxEvents(admin.fault)) this.w.log.write(id);
    return false;
  }

  /**
   * Control Panel asks it to stop. Closing down needs room in the spool: with the in
   * directory gone or the disk low the stop reports error 0008, and the service stops
   * anyway (Q146791-S3; why it needs the room is assumption A-STOP-FLUSH).
   */
  stop(): { error?: string } {
    this.halt();
    return this.w.spool.canClose() ? {} : { error: STOP_ERROR };
  }

  powerOff(): void {
    this.halt();
  }

  /** Whether free space is "low" for the connector (interpretation lowDisk). */
  lowOnDisk(): boolean {
    const free = this.w.disk.freeBytes();
    return this.w.traits.lowDiskRule === 'reserve' ? free < this.w.settings.reserveBytes : free === 0;
  }

  /** 4070 and 4131: the spool could not be used (Q231737-S1). */
  logSpoolFailure(code: number): void {
    this.w.log.write(4070);
    this.w.log.write(4131, {}, `Win32 error ${code}: ${systemText(code)}`);
  }

  /** The spool is gone under a running IMS that stops for it (Q231737-S1). */
  failOnSpool(code: number, why: string): void {
    this.logSpoolFailure(code);
    this.end(why);
  }

  /** Q168139-S2: a store call that never returns; the IMS shuts down and logs nothing (when: A-IMS-HANG). */
  shutDownSilently(): void {
    this.end('shut down: a call to the information store did not return');
  }

  private end(why: string): void {
    this.halt();
    this.w.scm.ended(IMC, why);
  }

  private halt(): void {
    this.poller?.cancel();
    this.poller = undefined;
    this.w.spool.reset();
  }
}
