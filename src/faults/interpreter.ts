// The one place where operations and faults act on the world. Each operation is carried out
// the way its actor would: the outside agent through the file system as a member of
// Everyone, the administrator through Explorer, the Administrator program and Control Panel,
// remote hosts and clients through SMTP and store logons. What each saw is its outcome.

import type { Permission } from '../model/acl.ts';
import type { Timer } from '../model/clock.ts';
import type { RecipientKind } from '../model/directory.ts';
import { IMC } from '../model/exchangeServices.ts';
import { releaseName } from '../model/release.ts';
import { IMCDATA, join, spoolPath, type SpoolDir } from '../model/paths.ts';
import type { StoreFix } from '../model/versions.ts';
import { messageIdOf } from '../mail/mime.ts';
import { ADMINISTRATOR, OUTSIDE_AGENT, type Group } from '../model/principals.ts';
import { isPositive, formatReply } from '../model/smtp.ts';
import { Win32Error, systemText } from '../model/win32.ts';
import { DEFAULT_SETTINGS, type World } from '../model/world.ts';
import { OPERATIONS } from './catalogue.ts';
import { inboundMessage, REMOTE_DOMAIN } from './messages.ts';
import type { ImcDirectory, Op, OpOf } from './operations.ts';

/** What the actor of an operation saw. */
export interface Outcome {
  readonly ok: boolean;
  readonly detail?: string;
  /** For a message: its Message-ID, and whether the server took responsibility for it. */
  readonly messageId?: string;
  readonly accepted?: boolean;
  /** For an operation made of others (heal): each one carried out, with what its actor saw, in order. */
  readonly performed?: readonly { readonly op: Op; readonly outcome: Outcome }[];
}

/** Where the administrator puts the messages he moves out of the spool (Q293288 says to move them; where is assumption A-HELD). */
const HELD = 'C:\\malformed';

/** Seconds an SMTP conversation takes (assumption A-OP-DURATIONS). */
const SMTP_SECONDS = 1;

export class Interpreter {
  private agent: Timer | undefined;
  private serial = 0;
  /** The faults injected since the last heal, in order: the nemesis's own record, not the model's. */
  private faults: Op[] = [];
  /** The directory warm-up the last reboot set: every later start of the directory waits that long (A-DIRECTORY-WARMUP). */
  private warmup = 0;

  constructor(private readonly w: World) {}

  apply(op: Op): Outcome {
    if (OPERATIONS[op.op].heal) this.faults.push(op);
    if (op.op === 'reboot') this.warmup = op.directorySeconds;
    if (op.op === 'servicePack.apply') this.warmup = 0;
    return this.act(op);
  }

  private act(op: Op): Outcome {
    switch (op.op) {
      case 'agent.delete': return this.agentAct('delete', op.dir, `${op.dir}.old`);
      case 'agent.rename': return this.agentAct('rename', op.dir, op.to);
      case 'agent.schedule': return this.schedule(op);
      case 'agent.unschedule': return this.unschedule();
      case 'admin.recreateDirectory': return this.recreate(op.dir);
      case 'disk.fill': this.w.disk.fillTo(op.freeBytes); return { ok: true, detail: `${this.w.disk.freeBytes()} bytes free` };
      case 'disk.free': this.w.disk.release(); return { ok: true, detail: `${this.w.disk.freeBytes()} bytes free` };
      case 'acl.set': return this.setAcl(op.dir, op.group, op.permission, op.subdirectories);
      case 'acl.remove': return this.setAcl(op.dir, op.group, null, op.subdirectories);
      case 'recipient.create': return this.administer(() => this.w.directory.create(op.name, op.kind) !== undefined, `${op.name} already exists`);
      case 'recipient.delete': return this.administer(() => this.deleteRecipient(op.name), `no recipient named ${op.name}`);
      case 'recipient.recreate': return this.administer(() => this.recreateRecipient(op.name, op.kind), '');
      case 'recipient.retype': return this.administer(() => this.w.directory.retype(op.name, op.kind) !== undefined, `no recipient named ${op.name}`);
      case 'adminMailbox.clear': return this.administer(() => this.w.adminMailbox.choose(null), '');
      case 'adminMailbox.set': return this.administer(() => this.w.adminMailbox.choose(op.name), `no recipient named ${op.name}`);
      case 'adminMailbox.reset': return this.resetAdminMailbox(op.via);
      case 'reboot': return this.reboot(op.directorySeconds, op.storeSeconds);
      case 'service.start': {
        const dialog = this.w.controlPanel.start(op.service);
        return { ok: this.w.scm.isRunning(op.service), detail: dialog ?? this.w.scm.state(op.service) };
      }
      case 'service.stop': return this.stop(op.service);
      case 'nt.terminateHungThread': {
        const ended = this.w.store.terminateHungThread();
        return { ok: ended, detail: ended ? 'a hung store thread was terminated' : 'no store thread was hung' };
      }
      case 'smtp.deliver': return this.deliver(op);
      case 'client.submit': return this.submit(op);
      case 'client.logon': {
        const result = this.w.store.logon(op.client);
        return { ok: result === 'completed', detail: result };
      }
      case 'servicePack.apply': return this.applyServicePack(op.servicePack);
      case 'storeFix.apply': return this.applyStoreFix(op.fix);
      case 'ims.transferMode': return this.administer(() => (this.w.connections.choose(op.mode), true), '');
      case 'admin.moveIdentified': return this.moveIdentified(op.dir);
      case 'time.pass': this.w.clock.advance(op.seconds); return { ok: true };
      case 'heal': return this.heal();
    }
  }

  /**
   * Jepsen's heal: every fault injected since the last heal is undone by its own heal from the
   * catalogue, last fault first. First a scheduled agent is stopped and the services that were
   * stopped (or the server, where a restart is needed) come back, so that the Administrator
   * program can reach the directory (given the warm-up the last reboot set); then the mends,
   * permissions first; the connector is started last, since one that stopped itself stays
   * stopped until started.
   */
  private heal(): Outcome {
    const faults = this.faults;
    this.faults = [];
    const heals = [...faults].reverse().flatMap((f) => healOf(f));
    const restarts = heals.filter((h) => h.op === 'reboot' || (h.op === 'service.start' && h.service !== IMC));
    // Permissions first: the Administrator cannot recreate a directory inside one that keeps him out.
    const mends = heals.filter((h) => !restarts.includes(h) && h.op !== 'service.start').sort((a, b) => Number(b.op.startsWith('acl.')) - Number(a.op.startsWith('acl.')));
    const needsDirectory = mends.some((m) => m.op.startsWith('recipient.') || m.op.startsWith('adminMailbox.'));
    const plan = once([
      ...(faults.some((f) => f.op === 'agent.schedule') ? [{ op: 'agent.unschedule' } as const] : []),
      ...restarts.filter((r) => r.op === 'reboot'),
      ...restarts.filter((r) => r.op !== 'reboot'),
      ...(needsDirectory ? [{ op: 'service.start', service: 'MSExchangeDS' } as const] : []),
      // The connector and the Administrator program both need the directory to answer.
      ...(this.warmup > 0 ? [{ op: 'time.pass', seconds: this.warmup } as const] : []),
      ...mends,
      { op: 'service.start', service: IMC },
    ]);
    const performed = plan.map((op) => {
      this.w.journal.record({ kind: 'note', text: `heal: ${describe(op)}` });
      return { op, outcome: this.apply(op) };
    });
    // What the heal itself did is not a fault to heal again.
    this.faults = [];
    return { ok: true, detail: plan.map(describe).join('; '), performed };
  }

  /** The outside agent deletes (as a cleanup script does, with everything in it) or renames a spool directory (A-AGENT). */
  private agentAct(action: 'delete' | 'rename', dir: SpoolDir, to: string): Outcome {
    const path = spoolPath(dir);
    try {
      if (action === 'delete') this.w.disk.rmdir(path, OUTSIDE_AGENT, true);
      else this.w.disk.rename(path, to, OUTSIDE_AGENT);
      return { ok: true };
    } catch (e) {
      const error = win32Text(e);
      this.w.journal.record({ kind: 'failed', action: `${action} directory`, path, by: OUTSIDE_AGENT.name, error });
      return { ok: false, detail: error };
    }
  }

  private schedule(op: OpOf<'agent.schedule'>): Outcome {
    this.agent?.cancel();
    this.agent = this.w.clock.every(op.everySeconds, `outside agent: ${op.action} ${op.dir}`, () => this.agentAct(op.action, op.dir, `${op.dir}.old`));
    return { ok: true };
  }

  private unschedule(): Outcome {
    const had = this.agent !== undefined;
    this.agent?.cancel();
    this.agent = undefined;
    return { ok: true, detail: had ? 'the scheduled agent was stopped' : 'no agent was scheduled' };
  }

  private recreate(dir: SpoolDir): Outcome {
    const path = spoolPath(dir);
    if (this.w.disk.isDirectory(path)) return { ok: true, detail: `${path} exists` };
    try {
      this.w.disk.mkdir(path, ADMINISTRATOR);
      return { ok: true };
    } catch (e) {
      return { ok: false, detail: win32Text(e) };
    }
  }

  /** Explorer's permissions dialog, with "Replace Permissions on Subdirectories" when asked. */
  private setAcl(dir: ImcDirectory, group: Group, permission: Permission | null, subdirectories: boolean): Outcome {
    const path = dir === 'imcdata' ? IMCDATA : spoolPath(dir);
    if (!this.w.disk.isDirectory(path)) return { ok: false, detail: `${path} does not exist` };
    for (const target of [path, ...(subdirectories ? this.w.disk.subdirectories(path) : [])]) this.w.disk.setEntry(target, group, permission, ADMINISTRATOR);
    return { ok: true };
  }

  /** The Administrator program needs the directory to answer. */
  private administer(act: () => boolean, failure: string): Outcome {
    if (!this.w.directory.readable()) return { ok: false, detail: 'the Administrator program cannot reach the directory' };
    const ok = act();
    return ok ? { ok } : { ok, detail: failure || 'not done' };
  }

  private deleteRecipient(name: string): boolean {
    const r = this.w.directory.live(name);
    if (!r) return false;
    this.w.directory.remove(name, this.w.store.dropMailbox(r.id));
    return true;
  }

  /** Deleted (if it exists) and created again under the same name: a new directory object. */
  private recreateRecipient(name: string, kind: RecipientKind): boolean {
    this.deleteRecipient(name);
    return this.w.directory.create(name, kind) !== undefined;
  }

  private resetAdminMailbox(via: string): Outcome {
    const original = this.w.adminMailbox.shown;
    if (original === null) return { ok: false, detail: 'no administrator mailbox is shown to change back to' };
    return this.administer(() => this.w.adminMailbox.choose(via) && this.w.adminMailbox.choose(original), `cannot choose ${via} or ${original}`);
  }

  private reboot(directorySeconds: number, storeSeconds: number): Outcome {
    this.w.reboot({ directorySeconds, storeSeconds });
    this.w.settle();
    return { ok: true, detail: `${IMC} ${this.w.scm.state(IMC)}` };
  }

  private stop(service: string): Outcome {
    const dialogs = this.w.controlPanel.stop(service);
    return { ok: dialogs.length === 0, detail: dialogs.join('\n\n') || this.w.scm.state(service) };
  }

  /**
   * A remote host's SMTP client: HELO, MAIL, RCPT, DATA, the message, QUIT. The message goes as
   * its bytes at end of data: the model takes them whole, with no dot-stuffing to undo.
   */
  private deliver(op: OpOf<'smtp.deliver'>): Outcome {
    const m = inboundMessage(op, ++this.serial, this.w.settings.domain, this.w.clock.now);
    const outcome = this.converse(m.from, m.to, m.bytes);
    this.w.clock.advance(SMTP_SECONDS);
    return { ...outcome, messageId: m.messageId };
  }

  private converse(from: string, to: string, bytes: Buffer): Outcome {
    const s = this.w.receiver.connect();
    if (!s) return { ok: false, accepted: false, detail: 'connection refused' };
    if (s.closed) return { ok: false, accepted: false, detail: formatReply(s.banner!) };
    for (const line of [`HELO ${REMOTE_DOMAIN}`, `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA']) {
      const r = s.command(line);
      if (!r) return { ok: false, accepted: false, detail: 'connection lost' };
      if (r.code >= 400) {
        s.command('QUIT');
        return { ok: false, accepted: false, detail: formatReply(r) };
      }
    }
    const end = s.data(bytes);
    if (!end) return { ok: false, accepted: false, detail: 'connection dropped at end of data' };
    if (!s.closed) s.command('QUIT');
    return { ok: isPositive(end), accepted: isPositive(end), detail: formatReply(end) };
  }

  /** A client's message goes straight to MTS-OUT after a logon (assumption A-SUBMIT). */
  private submit(op: OpOf<'client.submit'>): Outcome {
    const sender = this.w.directory.live(op.from);
    const messageId = `${++this.serial}.${this.w.clock.now}@${this.w.settings.domain}`;
    if (this.w.store.logon('Exchange Client') !== 'completed') return { ok: false, accepted: false, messageId, detail: 'the logon did not complete' };
    const from = sender ? this.w.directory.addressOf(sender) : `${op.from.toLowerCase()}@${this.w.settings.domain}`;
    const r = this.w.store.submitOutbound({ messageId, from, to: op.to, subject: `Message ${this.serial}`, attachments: [] });
    const accepted = r.status === 'done';
    return { ok: accepted, accepted, messageId, detail: accepted ? 'queued in MTS-OUT' : `the store call ${r.status === 'hangs' ? 'did not return' : 'failed'}` };
  }

  /** Store fix setup, like a service pack's: the services stop, the fix goes in, the server restarts (assumption A-SP-SETUP). */
  private applyStoreFix(fix: StoreFix): Outcome {
    if (!this.w.canApplyFix(fix)) return { ok: false, detail: `the ${fix} does not apply to ${releaseName(this.w.release)}` };
    this.w.controlPanel.stop('MSExchangeSA');
    this.w.applyFix(fix);
    return this.reboot(0, 10);
  }

  /**
   * Q293288 resolution step 2: the administrator reads the application log for the messages it
   * names (12007 gives the Message-ID, 4182 the spool file) and moves those files out of the
   * spool directory in Explorer, to a folder of his own.
   */
  private moveIdentified(dir: 'in' | 'out'): Outcome {
    const named = this.w.log.entries().map((e) => e.text ?? '');
    const ids = new Set(named.flatMap((t) => [...t.matchAll(/processing message \(<([^>]+)>\)/g)].map((m) => m[1]!)));
    const files = new Set(named.flatMap((t) => [...t.matchAll(/spool file (\S+) will be retried/g)].map((m) => m[1]!.toLowerCase())));
    const from = spoolPath(dir);
    try {
      const moved = this.w.disk.list(from, ADMINISTRATOR).filter((name) => files.has(name.toLowerCase()) || ids.has(messageIdOf(this.w.disk.read(join(from, name), ADMINISTRATOR)) ?? ''));
      if (moved.length && !this.w.disk.isDirectory(HELD)) this.w.disk.mkdir(HELD, ADMINISTRATOR);
      for (const name of moved) this.w.disk.move(join(from, name), join(HELD, name), ADMINISTRATOR);
      return { ok: true, detail: moved.length ? `moved ${moved.join(', ')} to ${HELD}` : `nothing in ${from} is named by the event log` };
    } catch (e) {
      return { ok: false, detail: win32Text(e) };
    }
  }

  /** Setup stops the Exchange services, upgrades and restarts the server (assumption A-SP-SETUP). */
  private applyServicePack(servicePack: number): Outcome {
    if (!this.w.canUpgrade(servicePack)) return { ok: false, detail: `setup does not apply to ${releaseName(this.w.release)}` };
    this.w.controlPanel.stop('MSExchangeSA');
    this.w.upgrade(servicePack);
    return this.reboot(0, 10);
  }
}

/**
 * The message the remote host sent at `ops[index]` (an smtp.deliver begun at `at`), made again as
 * the interpreter made it: each smtp.deliver and client.submit takes the next serial, from 1,
 * and a generated message is named and dated by its serial and the time. For the timeline.
 */
export function sentAt(ops: readonly Op[], index: number, at: number, domain = DEFAULT_SETTINGS.domain): ReturnType<typeof inboundMessage> {
  const op = ops[index];
  if (op?.op !== 'smtp.deliver') throw new Error(`sentAt: step ${index} is not an smtp.deliver`);
  const serial = ops.slice(0, index + 1).filter((o) => o.op === 'smtp.deliver' || o.op === 'client.submit').length;
  return inboundMessage(op, serial, domain, at);
}

/** Each operation once, at its last place in the plan: after what it depends on. */
function once(plan: readonly Op[]): Op[] {
  const key = (op: Op) => JSON.stringify(op);
  return plan.filter((op, i) => !plan.slice(i + 1).some((later) => key(later) === key(op)));
}

function healOf<N extends Op['op']>(op: Extract<Op, { op: N }>): readonly Op[] {
  return (OPERATIONS[op.op] as { heal?: (o: typeof op) => readonly Op[] }).heal?.(op) ?? [];
}

function describe(op: Op): string {
  return [op.op, ...Object.entries(op).filter(([k]) => k !== 'op').map(([k, v]) => `${k}=${String(v)}`)].join(' ');
}

function win32Text(e: unknown): string {
  if (e instanceof Win32Error) return systemText(e.code);
  throw e;
}
