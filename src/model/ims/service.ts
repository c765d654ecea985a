// The IMC/IMS as a Windows NT service: what it checks when it starts, what it does when it
// is stopped, and how it ends when its spool or the store fails under it.

import type { Timer } from '../clock.ts';
import { IMC } from '../exchangeServices.ts';
import type { ServiceProgram, StartOrigin } from '../scm.ts';
import { baseName } from '../paths.ts';
import { ERROR_DISK_FULL, systemText } from '../win32.ts';
import type { World } from '../world.ts';

/** Seconds between the IMS's passes over its spool and MTS-OUT (assumption A-POLLING). */
export const SPOOL_POLL_SECONDS = 10;

/** Q146791-S3: the error Control Panel shows when the connector cannot stop cleanly. */
export const STOP_ERROR = '0008: Not enough storage space is available.';

export class InternetMailService implements ServiceProgram {
  private poller: Timer | undefined;
  /** The spool file the service was handing over when the store failed under it, while it hangs (Q293288). */
  private hungOn: string | undefined;

  constructor(protected readonly w: World) {}

  get running(): boolean {
    return this.w.scm.isRunning(IMC);
  }

  /** It polls its spool and MTS-OUT: false once it hangs (Q293288) or has stopped. */
  get responding(): boolean {
    return this.poller !== undefined;
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
    this.w.connections.activate();
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
    // Stopped while it hangs on the store's error, it gives the message up (Q293288's events on a restart).
    if (this.hungOn !== undefined) this.giveUp(this.hungOn);
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

  /**
   * Q293288: the store's content engine failed on the message in `file` (12007) and the call
   * returned 0x80040115 (3039). The service then hangs, moving nothing in or out, or shuts down
   * at once (interpretation imsOnStoreError); the message stays in `in` to be retried.
   */
  storeError(file: string): void {
    this.w.log.write(3039, {}, '0000: 00140667 80040115');
    this.poller?.cancel();
    this.poller = undefined;
    if (this.w.traits.imsOnStoreError === 'hangs-running') {
      this.hungOn = file;
      this.w.journal.record({ kind: 'note', text: 'the Internet Mail Service stops responding: it moves no mail in or out' });
      return;
    }
    this.giveUp(file);
    this.end('shut down: the information store failed on a message');
  }

  /** Q325939: the store ran out of memory on the message in `file` (12800); the service shuts down (4182, 4102, 1001) and stops responding. */
  outOfMemory(file: string): void {
    this.w.log.write(4182, { 'spool file': baseName(file) });
    this.w.log.write(4102);
    this.w.log.write(1001);
    if (this.w.traits.afterShutdown === 'hangs-stopping') {
      this.halt();
      this.w.scm.hangsStopping(IMC, 'shut down after an error from the information store; it no longer responds');
    } else this.end('shut down after an error from the information store');
  }

  /** 4116, 4182 and 4102 (in that order: A-Q293288-EVENTS): the message will be retried when the server restarts; the store is left with the failed call. */
  private giveUp(file: string): void {
    this.hungOn = undefined;
    this.w.log.write(4116);
    this.w.log.write(4182, { 'spool file': baseName(file) });
    this.w.log.write(4102);
    this.w.store.abandonFailedCall();
  }

  private end(why: string): void {
    this.halt();
    this.w.scm.ended(IMC, why);
  }

  private halt(): void {
    this.poller?.cancel();
    this.poller = undefined;
    this.hungOn = undefined;
    this.w.spool.reset();
  }
}
