// The message transfer agent: delivers what the IMS put in MTS-IN to mailboxes, and returns
// to its sender what has no mailbox to go to (assumption A-NDR). It needs the store and the
// directory; while either does not answer, mail waits in MTS-IN.

import type { VirtualClock, Timer } from './clock.ts';
import type { Directory } from './directory.ts';
import type { InformationStore } from './store.ts';
import type { ServiceProgram } from './scm.ts';

/** Seconds between the MTA's passes over MTS-IN (assumption A-POLLING). */
export const MTA_PASS_SECONDS = 5;

export class MessageTransferAgent implements ServiceProgram {
  private timer: Timer | undefined;

  constructor(
    protected readonly clock: VirtualClock,
    protected readonly store: InformationStore,
    protected readonly directory: Directory,
  ) {}

  startSeconds(): number {
    return 2;
  }

  initialise(): boolean {
    this.timer = this.clock.every(MTA_PASS_SECONDS, 'MTA delivers from MTS-IN', () => this.pass());
    return true;
  }

  stop(): object {
    this.timer?.cancel();
    return {};
  }

  powerOff(): void {
    this.timer?.cancel();
  }

  protected pass(): void {
    if (!this.directory.readable()) return;
    for (;;) {
      const next = this.store.takeInbound();
      if (next.status !== 'done' || !next.value) return;
      const message = next.value;
      const r = this.directory.byAddress(message.to);
      if (r && r.kind === 'mailbox') this.store.deliver(message, r.id);
      else {
        this.store.returnToSender(message, {
          messageId: `ndr.${message.messageId}`,
          from: `postmaster@${this.directory.domain}`,
          to: message.from,
          subject: `Undeliverable: ${message.subject}`,
          attachments: [],
          returns: message.messageId,
        });
      }
    }
  }
}
