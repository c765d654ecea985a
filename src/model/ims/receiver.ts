// The inbound SMTP side of the IMS: a listener and one dialogue per connection, as RFC 821
// has it (HELO, MAIL, RCPT, DATA, end of data, QUIT), with the replies the articles quote.

import { IMC } from '../exchangeServices.ts';
import { spoolPath } from '../paths.ts';
import { INTERNAL_ERROR, REPLY, formatReply, type Reply } from '../smtp.ts';
import type { World } from '../world.ts';

export class SmtpReceiver {
  constructor(protected readonly w: World) {}

  /** A remote host connects to port 25. Null: nothing is listening (the service is not running). */
  connect(): SmtpSession | null {
    if (!this.w.scm.isRunning(IMC)) {
      this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'nothing listens on port 25: the service is not running' });
      return null;
    }
    if (!this.w.ims.responding) {
      // Hung on a failed store call (Q293288): nothing answers.
      this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'the service does not respond' });
      return null;
    }
    if (!this.w.connections.inbound) {
      // Transfer mode Outbound only: the service takes no inbound mail (Q293288 resolution step 5).
      this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'the service takes no inbound mail: its transfer mode is outbound only' });
      return null;
    }
    const session = new SmtpSession(this.w);
    // Q146791-S1, -M1: low on disk, or in gone, the connector takes no mail (interpretations lowDisk, missingInCalls).
    session.open(this.refusesCalls() ? this.refusal() : REPLY.ready(this.w.settings.serverName));
    return session;
  }

  /** What a turned-away call hears (Q146791 quotes it). */
  protected refusal(): Reply {
    return INTERNAL_ERROR;
  }

  protected refusesCalls(): boolean {
    if (this.w.traits.lowDiskRule === 'reserve' && this.w.ims.lowOnDisk()) return true;
    // Q146791-M1: with in removed, calls "may be refused" (interpretation missingInCalls).
    const rule = this.w.traits.refusesCallsWithoutIn;
    if (rule === 'never' || this.w.disk.isDirectory(spoolPath('in'))) return false;
    return rule === 'always' || this.w.spool.inFoundMissing;
  }
}

type Stage = 'greeting' | 'ready' | 'mail' | 'recipients' | 'closed';

export class SmtpSession {
  private stage: Stage = 'greeting';
  banner: Reply | undefined;

  constructor(private readonly w: World) {}

  get closed(): boolean {
    return this.stage === 'closed';
  }

  open(banner: Reply): void {
    this.banner = this.reply(banner);
    if (banner.code !== 220) this.close('closed');
  }

  /** A command line from the client; null when the connection is gone. */
  command(line: string): Reply | null {
    if (this.closed) return null;
    this.w.journal.record({ kind: 'smtp', side: 'client', line });
    const verb = line.slice(0, 4).toUpperCase();
    switch (verb) {
      case 'HELO':
      case 'EHLO':
        this.stage = 'ready';
        return this.reply(REPLY.hello(this.w.settings.serverName));
      case 'MAIL':
        if (this.stage !== 'ready') return this.reply(REPLY.badSequence);
        this.stage = 'mail';
        return this.reply(REPLY.ok);
      case 'RCPT': {
        if (this.stage !== 'mail' && this.stage !== 'recipients') return this.reply(REPLY.badSequence);
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        // The connector takes mail for its own domain and leaves the mailbox check to the MTA (assumption A-NDR).
        if (!address.toLowerCase().endsWith(`@${this.w.settings.domain}`)) return this.reply(REPLY.mailboxUnavailable);
        this.stage = 'recipients';
        return this.reply(REPLY.ok);
      }
      case 'DATA':
        if (this.stage !== 'recipients') return this.reply(REPLY.badSequence);
        return this.reply(REPLY.startMailInput);
      case 'QUIT': {
        const r = this.reply(REPLY.closing(this.w.settings.serverName));
        this.close('closed');
        return r;
      }
      default:
        return this.reply(REPLY.unrecognised);
    }
  }

  /** The message and the final "." after a 354; the reply says whether the IMS took it. */
  data(bytes: Buffer): Reply | null {
    if (this.closed || this.stage !== 'recipients') return null;
    this.w.journal.record({ kind: 'smtp', side: 'client', line: `<${bytes.length} bytes of message>` });
    this.w.journal.record({ kind: 'smtp', side: 'client', line: '.' });
    this.stage = 'ready';
    const reply = this.w.spool.receive(bytes);
    if (reply === null) {
      this.close('dropped');
      return null;
    }
    this.reply(reply);
    if (reply.code === 421) this.close('closed');
    return reply;
  }

  private reply(r: Reply): Reply {
    this.w.journal.record({ kind: 'smtp', side: 'server', line: formatReply(r) });
    return r;
  }

  private close(outcome: 'closed' | 'dropped'): void {
    this.stage = 'closed';
    this.w.journal.record({ kind: 'connection', outcome, why: outcome === 'dropped' ? 'the service ended during the call' : 'the server closed the connection' });
  }
}
