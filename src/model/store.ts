// The information store: mailboxes, the MTS-IN and MTS-OUT queues, client logons, and the
// worker threads that convert inbound Internet mail (MIME, and TNEF in winmail.dat) into
// store messages. The conversion judges the message's bytes with real parsers; on an
// affected release a message with bad MIME headers and bad TNEF sends the converting thread
// into an endless rewind loop (Q168139-C1), and when NT terminates that thread the store
// deadlocks: nothing that needs the store completes any more. On 5.5 the content engine fails
// on a blank charset (Q293288) or runs out of memory on a malformed message (Q325939); fixed,
// it moves that message to its archive folder.

import { readMime, type MimeReading } from '../mail/mime.ts';
import { readTnef } from '../mail/tnef.ts';
import type { EventLog } from './eventlog.ts';
import type { Journal } from './journal.ts';
import type { StoredMessage } from './message.ts';
import type { ServiceProgram, StartOrigin } from './scm.ts';
import type { Malformation, StoreFailure, Traits } from './versions.ts';

export type StoreCall<T> = { readonly status: 'done'; readonly value: T } | { readonly status: 'hangs' } | { readonly status: 'unavailable' };

export interface StoreThread {
  readonly id: number;
  state: 'idle' | 'rewinding' | 'terminated' | 'failed';
  messageId?: string;
}

/** Worker threads of the store (assumption A-STORE-CONVERSION). */
export const STORE_THREADS = 4;

/** What became of a message the IMS handed over for conversion. */
export type Conversion = 'submitted' | 'looping' | 'failed' | 'out-of-memory' | 'archived';

export class InformationStore implements ServiceProgram {
  up = false;
  deadlocked = false;
  threads: StoreThread[] = freshThreads();
  readonly mtsIn: StoredMessage[] = [];
  readonly mtsOut: StoredMessage[] = [];
  readonly mailboxes = new Map<string, StoredMessage[]>();
  /** Messages the fixed content engine set aside rather than convert (Q325939-M1). */
  readonly archive: StoredMessage[] = [];
  pendingLogons: string[] = [];
  /** Seconds the store takes to start: set by the reboot being simulated. */
  bootSeconds = 10;
  private archived = 0;

  constructor(protected readonly journal: Journal, protected readonly traits: () => Traits, protected readonly log?: EventLog) {}

  startSeconds(origin: StartOrigin): number {
    return origin === 'boot' ? this.bootSeconds : 5;
  }

  initialise(): boolean {
    this.up = true;
    return true;
  }

  stop(): { hangs?: boolean } {
    // A deadlocked store never finishes stopping; only a reboot clears it (assumption A-DEADLOCK).
    if (this.deadlocked) return { hangs: true };
    this.up = false;
    // Its threads, looping or not, end with its process.
    this.threads = freshThreads();
    return {};
  }

  powerOff(): void {
    this.up = false;
    this.deadlocked = false;
    this.threads = freshThreads();
    for (const client of this.pendingLogons) this.journal.record({ kind: 'logon', client, result: 'failed', why: 'the server restarted' });
    this.pendingLogons = [];
  }

  /** A client logon (Exchange Client, Mdbvu32): Q168139-S1 says it never completes on a deadlocked store. */
  logon(client: string): 'completed' | 'does not complete' | 'failed' {
    if (!this.up) {
      this.journal.record({ kind: 'logon', client, result: 'failed', why: 'the information store is not running' });
      return 'failed';
    }
    if (this.deadlocked) {
      this.pendingLogons.push(client);
      this.journal.record({ kind: 'logon', client, result: 'does not complete' });
      return 'does not complete';
    }
    this.journal.record({ kind: 'logon', client, result: 'completed' });
    return 'completed';
  }

  /** The IMS hands over an inbound message's bytes for conversion and submission to MTS-IN. */
  convertInbound(bytes: Buffer): StoreCall<Conversion> {
    const blocked = this.blocked();
    if (blocked) return blocked;
    const mime = readMime(bytes);
    const tnef = mime.tnef ? readTnef(mime.tnef) : undefined;
    const badHeaders = mime.headerDefects.length > 0;
    const badTnef = tnef !== undefined && tnef.defects.length > 0;
    const messageId = mime.messageId ?? '(no Message-ID)';
    const stored = (): StoredMessage => ({
      messageId,
      from: mime.from ?? '',
      to: mime.to ?? '',
      subject: mime.subject ?? '',
      // Undecodable TNEF stays attached as winmail.dat (assumption A-BAD-TNEF-KEPT).
      attachments: tnef && !badTnef ? tnef.content.attachments.map((a) => a.title) : [...mime.attachments],
    });
    if (this.loops(badHeaders, badTnef)) {
      const thread = this.threads.find((t) => t.state === 'idle');
      if (!thread) return { status: 'hangs' };
      thread.state = 'rewinding';
      thread.messageId = messageId;
      this.journal.record({ kind: 'store-thread', thread: thread.id, state: 'rewinding', messageId });
      return { status: 'done', value: 'looping' };
    }
    switch (this.failureOn(this.malformationOf(mime, badTnef))) {
      case 'content-engine-error': return this.contentEngineError(stored());
      case 'out-of-memory':
        this.log?.write(12800);
        return { status: 'done', value: 'out-of-memory' };
      case 'archive':
        this.add(this.archive, 'archive', stored());
        return { status: 'done', value: 'archived' };
      default:
        this.add(this.mtsIn, 'MTS-IN', stored());
        return { status: 'done', value: 'submitted' };
    }
  }

  /** What an article's trigger looks for in the message. */
  protected malformationOf(mime: MimeReading, badTnef: boolean): Malformation {
    return {
      badHeaders: mime.headerDefects.length > 0,
      badTnef,
      malformedCharset: mime.findings.some((f) => f.defect === 'bad-charset' && f.part !== ''),
      forwardedBadHeaders: mime.embedded.some((e) => e.headerDefects.length > 0),
    };
  }

  /** What converting it does to the store on this release (Q293288, Q325939). */
  protected failureOn(m: Malformation): StoreFailure | undefined {
    return this.traits().storeFailure(m);
  }

  /** Whether converting such a message sends the thread into the rewind loop (Q168139-C1, -T1). */
  protected loops(badHeaders: boolean, badTnef: boolean): boolean {
    return this.traits().storeFailure({ badHeaders, badTnef, malformedCharset: false, forwardedBadHeaders: false }) === 'rewind-loop';
  }

  /**
   * Q293288: the content engine fails on the message (12007) and the call returns an error; the
   * thread is left holding it. The store stops responding once its caller gives the call up.
   */
  private contentEngineError(m: StoredMessage): StoreCall<Conversion> {
    this.archived += 1;
    // Archive file names (assumption A-ARCHIVE-NAMES): eight letters and digits, as the article's 'VMS95LCZ'.
    const archive = `ARC${this.archived.toString(36).toUpperCase().padStart(5, '0')}`;
    this.log?.write(12007, { 'message id': `<${m.messageId}>`, subject: m.subject, sender: m.from, 'archive filename': archive });
    const thread = this.threads.find((t) => t.state === 'idle');
    if (thread) {
      thread.state = 'failed';
      thread.messageId = m.messageId;
      this.journal.record({ kind: 'store-thread', thread: thread.id, state: 'failed', messageId: m.messageId });
    }
    return { status: 'done', value: 'failed' };
  }

  /** The IMS gives up a call the content engine failed (Q293288): the thread holding it wedges the store until the server restarts. */
  abandonFailedCall(): void {
    const thread = this.threads.find((t) => t.state === 'failed');
    if (!thread || this.deadlocked) return;
    this.deadlocked = true;
    this.journal.record({ kind: 'store-thread', thread: thread.id, state: 'terminated', ...(thread.messageId ? { messageId: thread.messageId } : {}) });
  }

  /** NT ends a thread that is not responding. Returns whether there was one. */
  terminateHungThread(): boolean {
    const thread = this.threads.find((t) => t.state === 'rewinding');
    if (!thread) return false;
    thread.state = 'terminated';
    this.journal.record({ kind: 'store-thread', thread: thread.id, state: 'terminated', ...(thread.messageId ? { messageId: thread.messageId } : {}) });
    // The terminated thread never releases what it holds (Q168139-C1).
    this.deadlocked = true;
    return true;
  }

  /** A client's outbound message, submitted after a logon. */
  submitOutbound(message: StoredMessage): StoreCall<void> {
    return this.call(() => this.add(this.mtsOut, 'MTS-OUT', message));
  }

  /** The IMS looks at the next message waiting in MTS-OUT (Q168139-M1: never on a deadlocked store). */
  peekOutbound(): StoreCall<StoredMessage | undefined> {
    return this.call(() => this.mtsOut[0]);
  }

  /** The IMS has sent it: it leaves MTS-OUT. */
  removeOutbound(messageId: string): void {
    this.take(this.mtsOut, 'MTS-OUT', messageId);
  }

  takeInbound(): StoreCall<StoredMessage | undefined> {
    return this.call(() => this.mtsIn[0]);
  }

  deliver(message: StoredMessage, mailboxId: string): void {
    this.take(this.mtsIn, 'MTS-IN', message.messageId);
    const box = this.mailboxes.get(mailboxId) ?? [];
    box.push(message);
    this.mailboxes.set(mailboxId, box);
    this.journal.record({ kind: 'queue', queue: `mailbox ${mailboxId}`, change: 'added', messageId: message.messageId });
  }

  /** The message cannot be delivered: a non-delivery report goes back to its sender through MTS-OUT. */
  returnToSender(message: StoredMessage, report: StoredMessage): void {
    this.take(this.mtsIn, 'MTS-IN', message.messageId);
    this.add(this.mtsOut, 'MTS-OUT', report);
  }

  /** A deleted mailbox's contents go with it; returns the Message-IDs destroyed. */
  dropMailbox(mailboxId: string): string[] {
    const box = this.mailboxes.get(mailboxId) ?? [];
    this.mailboxes.delete(mailboxId);
    return box.map((m) => m.messageId);
  }

  private call<T>(run: () => T): StoreCall<T> {
    return this.blocked() ?? { status: 'done', value: run() };
  }

  protected blocked(): StoreCall<never> | undefined {
    if (!this.up) return { status: 'unavailable' };
    if (this.deadlocked) return { status: 'hangs' };
    return undefined;
  }

  private add(queue: StoredMessage[], name: string, m: StoredMessage): void {
    queue.push(m);
    this.journal.record({ kind: 'queue', queue: name, change: 'added', messageId: m.messageId, ...(m.returns === undefined ? {} : { returns: m.returns }) });
  }

  private take(queue: StoredMessage[], name: string, messageId: string): void {
    const i = queue.findIndex((m) => m.messageId === messageId);
    if (i < 0) return;
    queue.splice(i, 1);
    this.journal.record({ kind: 'queue', queue: name, change: 'removed', messageId });
  }
}

function freshThreads(): StoreThread[] {
  return Array.from({ length: STORE_THREADS }, (_, i) => ({ id: i + 1, state: 'idle' as const }));
}
