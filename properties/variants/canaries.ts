// Degenerate models the suite must reject: a canary that must fail proves the harness can tell
// a server that does nothing from one that works. Each is a whole part swapped for a dud, with
// properties that must fail on it, each naming a claim of its own (test/canaries.test.ts); a
// prohibition alone ("no mail is accepted while ...") would let every one of them pass.

import type { Variant } from '../../src/harness/variant.ts';
import { SmtpReceiver, type SmtpSession } from '../../src/model/ims/receiver.ts';
import { InternetMailService } from '../../src/model/ims/service.ts';
import { ImsSpool } from '../../src/model/ims/spool.ts';
import { MessageTransferAgent } from '../../src/model/mta.ts';
import { REPLY, type Reply } from '../../src/model/smtp.ts';

/** Nothing ever listens on port 25. */
class ReceiverThatRefusesEverything extends SmtpReceiver {
  override connect(): SmtpSession | null {
    this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'nothing listens on port 25' });
    return null;
  }
}

/** Says 250 to every message and keeps none of them. */
class SpoolThatDiscards extends ImsSpool {
  override receive(): Reply | null {
    return REPLY.ok;
  }
}

/** Never gets past its start. */
class ImsThatNeverStarts extends InternetMailService {
  override initialise(): boolean {
    return false;
  }
}

/** Never delivers anything from MTS-IN. */
class MtaThatNeverDelivers extends MessageTransferAgent {
  protected override pass(): void {}
}

export const CANARIES: readonly Variant[] = [
  {
    name: 'refuses-every-call',
    description: 'Nothing ever answers on port 25.',
    breaks: ['Q146791-S1 low disk refuses inbound mail', 'Q231737-S1 mail stops flowing without in', 'Q231737-R1 resolution protects in for good'],
    parts: { receiver: (w) => new ReceiverThatRefusesEverything(w) },
  },
  {
    name: 'accepts-and-discards',
    description: 'Every message is answered 250 and thrown away.',
    breaks: ['INV-1 no acknowledged message is lost', 'LIV-1 heal, then converge', 'Q231737-R1 resolution protects in for good'],
    parts: { spool: (w) => new SpoolThatDiscards(w) },
  },
  {
    name: 'never-starts',
    description: 'The connector never starts.',
    breaks: ['LIV-1 heal, then converge', 'Q183178-R1 a correct mailbox lets the IMS start', 'Q246115-R1 a valid user lets the service start'],
    parts: { ims: (w) => new ImsThatNeverStarts(w) },
  },
  {
    name: 'store-never-moves',
    description: 'Nothing that reaches MTS-IN is ever delivered.',
    breaks: ['LIV-1 heal, then converge', 'Q168139-M1 MTS-IN and MTS-OUT stall', 'Q231737-S3 restart helps until the next deletion'],
    parts: { mta: (w) => new MtaThatNeverDelivers(w.clock, w.store, w.directory) },
  },
];
