// Models of the 4.0 IMC that get Q146791 wrong.

import type { Variant } from '../../src/harness/variant.ts';
import { EventLog } from '../../src/model/eventlog.ts';
import type { EventRecord } from '../../src/model/eventlog.ts';
import { SmtpReceiver } from '../../src/model/ims/receiver.ts';
import type { Reply } from '../../src/model/smtp.ts';
import { ImsSpool } from '../../src/model/ims/spool.ts';
import { spoolPath } from '../../src/model/paths.ts';
import { SERVICE_ACCOUNT } from '../../src/model/principals.ts';
import { SPOOL_DIRS } from '../../src/model/paths.ts';

class ReceiverWithoutReserve extends SmtpReceiver {
  protected override refusesCalls(): boolean {
    return false;
  }
}

/** Puts a missing in back before it moves a message there. */
export class SpoolThatMendsIn extends ImsSpool {
  override receive(bytes: Buffer) {
    if (!this.w.disk.isDirectory(spoolPath('in')) && this.w.disk.isDirectory(spoolPath('work'))) this.w.disk.mkdir(spoolPath('in'), SERVICE_ACCOUNT);
    return super.receive(bytes);
  }
}

class SpoolThatAlwaysCloses extends ImsSpool {
  override canClose(): boolean {
    return true;
  }
}

/** Starts whether or not its spool directories are there. */
export class SpoolThatDoesNotRecreate extends ImsSpool {
  override prepare(): boolean {
    return SPOOL_DIRS.every((d) => !this.w.disk.isDirectory(spoolPath(d)) || this.w.disk.mayWrite(spoolPath(d), SERVICE_ACCOUNT)) || super.prepare();
  }
}

class LogWithout4055 extends EventLog {
  override write(id: number, values?: Readonly<Record<string, string>>, data?: string): EventRecord {
    if (id === 4055) return { record: 0, time: 0, id, source: '', type: 'Error', category: null, text: null };
    return super.write(id, values, data);
  }
}

/** Turns calls away with RFC 821's own 421 text, not the one Q146791 quotes. */
class ReceiverWithAnother421 extends SmtpReceiver {
  protected override refusal(): Reply {
    return { code: 421, text: 'Service not available, closing transmission channel' };
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'refuses-calls-with-another-421',
    description: "The IMC turns calls away with RFC 821's 421 text rather than the article's.",
    breaks: ['Q146791-M1 a call may be refused'],
    parts: { receiver: (w) => new ReceiverWithAnother421(w) },
  },
  {
    name: 'imc-ignores-disk-reserve',
    description: 'The IMC takes calls however little space is left, until a write fails.',
    breaks: ['Q146791-S1 low disk refuses inbound mail'],
    parts: { receiver: (w) => new ReceiverWithoutReserve(w) },
  },
  {
    name: 'spool-mends-in',
    description: 'The IMC recreates a missing in directory when a message arrives, so mail keeps flowing.',
    breaks: ['Q146791-S2 missing in refuses inbound mail', 'Q146791-M1 accepted call logs 4055', 'Q231737-S1 mail stops flowing without in'],
    parts: { spool: (w) => new SpoolThatMendsIn(w) },
  },
  {
    name: 'stop-always-clean',
    description: 'Stopping the IMC never reports an error, whatever state its spool is in.',
    breaks: ['Q146791-S3 stopping shows error 0008 and stops'],
    parts: { spool: (w) => new SpoolThatAlwaysCloses(w) },
  },
  {
    name: 'start-does-not-recreate-in',
    description: 'The connector starts without recreating missing spool directories.',
    breaks: ['Q146791-R1 restart recreates in', 'Q231737-S3 restart helps until the next deletion'],
    parts: { spool: (w) => new SpoolThatDoesNotRecreate(w) },
  },
  {
    name: 'rejects-without-4055',
    description: 'The IMC rejects the mail of an accepted call but logs nothing.',
    breaks: ['Q146791-M1 accepted call logs 4055'],
    parts: { eventLog: (w) => new LogWithout4055(() => w.clock.now, w.journal) },
  },
];
