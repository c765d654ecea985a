// The server and its surroundings, assembled: disk, Service Control Manager, directory, store,
// MTA, the IMC/IMS and the Internet beyond it, on one virtual clock. Each part is built by a
// factory, so a variant of the model can swap one part for another (the falsifiability
// tests do) without the model knowing.

import { AdminMailboxSetting } from './adminMailbox.ts';
import { VirtualClock } from './clock.ts';
import { ControlPanelServices } from './controlPanel.ts';
import { Directory } from './directory.ts';
import { Disk, type DiskOptions } from './disk.ts';
import { EventLog } from './eventlog.ts';
import {
  DS, DirectoryService, EXCHANGE_SERVICES, IMC, IS, MTA, SA, SystemAttendant, exchangeServiceDefinitions,
} from './exchangeServices.ts';
import { InternetMailService } from './ims/service.ts';
import { SmtpReceiver } from './ims/receiver.ts';
import { ImsSpool } from './ims/spool.ts';
import { Connections } from './ims/connections.ts';
import { DEFAULT_INTERPRETATIONS, type Interpretations } from './interpretations.ts';
import { Journal, type Seen } from './journal.ts';
import type { StoredMessage } from './message.ts';
import { MessageTransferAgent } from './mta.ts';
import { EXCHSRVR, IMCDATA, SPOOL_DIRS, spoolPath } from './paths.ts';
import { releaseName, SERVICE_PACKS, type Release } from './release.ts';
import { ServiceControlManager, type ServiceProgram } from './scm.ts';
import { InformationStore } from './store.ts';
import { STORE_FIXES, traitsOf, type StoreFix, type Traits } from './versions.ts';
import { messageIdOf } from '../mail/mime.ts';

export interface ServerSettings {
  readonly serverName: string;
  /** The organisation's SMTP domain. */
  readonly domain: string;
  readonly capacityBytes: number;
  /** What Windows and other programs take before any mail arrives. */
  readonly baselineUseBytes: number;
  /** Free space under which the connector is "low" (interpretation lowDisk, assumption A-RESERVE). */
  readonly reserveBytes: number;
}

const MiB = 1024 * 1024;

// Assumptions A-SERVER-NAME, A-CAPACITY, A-RESERVE.
export const DEFAULT_SETTINGS: ServerSettings = {
  serverName: 'EXCH01',
  domain: 'example.com',
  capacityBytes: 2048 * MiB,
  baselineUseBytes: 1024 * MiB,
  reserveBytes: 10 * MiB,
};

/** Recipients of a freshly installed organisation (assumption A-SEED). */
export const SEED_RECIPIENTS = [
  { name: 'Administrator', kind: 'mailbox' },
  { name: 'Alice', kind: 'mailbox' },
  { name: 'Bob', kind: 'mailbox' },
  { name: 'Sales', kind: 'distribution list' },
  { name: 'Partner', kind: 'custom recipient' },
] as const;

export interface Parts {
  clock(w: World): VirtualClock;
  disk(w: World): Disk;
  scm(w: World): ServiceControlManager;
  eventLog(w: World): EventLog;
  directory(w: World): Directory;
  adminMailbox(w: World): AdminMailboxSetting;
  store(w: World): InformationStore;
  mta(w: World): MessageTransferAgent;
  ims(w: World): InternetMailService;
  spool(w: World): ImsSpool;
  receiver(w: World): SmtpReceiver;
  connections(w: World): Connections;
  controlPanel(w: World): ControlPanelServices;
}

/** The disk's options from the server's settings (variants of the disk start from them too). */
export function diskOptionsOf(w: World): DiskOptions {
  return { capacityBytes: w.settings.capacityBytes, baselineUseBytes: w.settings.baselineUseBytes, label: messageIdOf };
}

export const DEFAULT_PARTS: Parts = {
  clock: () => new VirtualClock(),
  disk: (w) => new Disk(diskOptionsOf(w), w.journal),
  scm: (w) => new ServiceControlManager(w.clock, w.journal),
  eventLog: (w) => new EventLog(() => w.clock.now, w.journal),
  directory: (w) => new Directory(w.clock, w.journal, w.settings.domain),
  adminMailbox: (w) => new AdminMailboxSetting(w.directory, w.journal),
  store: (w) => new InformationStore(w.journal, () => w.traits, w.log),
  mta: (w) => new MessageTransferAgent(w.clock, w.store, w.directory),
  ims: (w) => new InternetMailService(w),
  spool: (w) => new ImsSpool(w),
  receiver: (w) => new SmtpReceiver(w),
  connections: (w) => new Connections(w.journal),
  controlPanel: (w) => new ControlPanelServices(w.scm, w.journal, w.settings.serverName, () => w.settle()),
};

export interface WorldOptions {
  readonly release: Release;
  readonly readings?: Interpretations;
  readonly settings?: Partial<ServerSettings>;
  readonly parts?: Partial<Parts>;
}

export class World {
  readonly clock: VirtualClock;
  readonly journal = new Journal(() => this.clock.now);
  readonly settings: ServerSettings;
  readonly readings: Interpretations;
  release: Release;
  traits: Traits;
  readonly disk: Disk;
  readonly scm: ServiceControlManager;
  readonly log: EventLog;
  readonly directory: Directory;
  readonly adminMailbox: AdminMailboxSetting;
  readonly store: InformationStore;
  readonly mta: MessageTransferAgent;
  readonly ims: InternetMailService;
  readonly spool: ImsSpool;
  readonly receiver: SmtpReceiver;
  readonly directoryService: DirectoryService;
  readonly controlPanel: ControlPanelServices;
  /** The IMS's Connections tab: its transfer mode. */
  readonly connections: Connections;
  /** What the IMS has sent out to the Internet. */
  readonly internet: StoredMessage[] = [];

  constructor(options: WorldOptions) {
    const parts = { ...DEFAULT_PARTS, ...options.parts };
    this.clock = parts.clock(this);
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.readings = options.readings ?? DEFAULT_INTERPRETATIONS;
    this.release = options.release;
    this.traits = traitsOf(this.release, this.readings);
    this.disk = parts.disk(this);
    this.scm = parts.scm(this);
    this.log = parts.eventLog(this);
    this.directory = parts.directory(this);
    this.adminMailbox = parts.adminMailbox(this);
    this.store = parts.store(this);
    this.mta = parts.mta(this);
    this.spool = parts.spool(this);
    this.ims = parts.ims(this);
    this.receiver = parts.receiver(this);
    this.connections = parts.connections(this);
    this.directoryService = new DirectoryService(this.directory, () => this.traits.directoryWarmsUp);
    this.controlPanel = parts.controlPanel(this);
    const programs: Record<string, ServiceProgram> = { [SA]: new SystemAttendant(), [DS]: this.directoryService, [IS]: this.store, [MTA]: this.mta, [IMC]: this.ims };
    for (const def of exchangeServiceDefinitions(this.traits.serviceDisplayName)) this.scm.register(def, programs[def.name]!);
  }

  /** A server as installed and configured: spool in place, administrator mailbox set, services up. */
  static create(options: WorldOptions): { world: World; setup: Seen[] } {
    const w = new World(options);
    w.install();
    w.reboot({ directorySeconds: 0, storeSeconds: 10 });
    w.settle();
    return { world: w, setup: w.journal.drain() };
  }

  /** The machine restarts; how long the directory and the store take to come up is given. */
  reboot(timing: { directorySeconds: number; storeSeconds: number }): void {
    this.directoryService.warmupSeconds = timing.directorySeconds;
    this.store.bootSeconds = timing.storeSeconds;
    this.scm.reboot();
  }

  /** Lets time pass until no service is starting, for ten minutes at most (A-OP-DURATIONS): a start that waits on a service hung on its way down ends there. */
  settle(limitSeconds = 600): void {
    // Whether anything is starting changes only when a timer fires: go from one to the next.
    const limit = this.clock.now + limitSeconds;
    while (!this.scm.settled()) {
      const next = this.clock.nextDue();
      if (next === undefined || next > limit) {
        this.clock.advance(limit - this.clock.now);
        return;
      }
      this.clock.advance(Math.max(next - this.clock.now, 0));
    }
  }

  /** Whether service pack setup applies here: a later level of the installed version. */
  canUpgrade(servicePack: number): boolean {
    return SERVICE_PACKS[this.release.version].includes(servicePack) && servicePack > this.release.servicePack;
  }

  /** Service pack setup: the release changes (a service pack includes the fixes made before it); the caller restarts the server. */
  upgrade(servicePack: number): boolean {
    if (!this.canUpgrade(servicePack)) return false;
    this.release = { version: this.release.version, servicePack };
    this.traits = traitsOf(this.release, this.readings);
    this.journal.record({ kind: 'release', name: releaseName(this.release) });
    return true;
  }

  /** Whether a store fix applies here: the level it was made for. */
  canApplyFix(fix: StoreFix): boolean {
    const target = STORE_FIXES[fix];
    return this.release.version === target.version && this.release.servicePack === target.servicePack && !(this.release.fixes ?? []).includes(fix);
  }

  /** Setup of a store fix: the release carries it from now on; the caller restarts the server. */
  applyFix(fix: StoreFix): boolean {
    if (!this.canApplyFix(fix)) return false;
    this.release = { ...this.release, fixes: [...(this.release.fixes ?? []), fix] };
    this.traits = traitsOf(this.release, this.readings);
    this.journal.record({ kind: 'release', name: releaseName(this.release) });
    return true;
  }

  exchangeServices(): readonly string[] {
    return EXCHANGE_SERVICES;
  }

  private install(): void {
    // NT 4 formats a volume with Everyone: Full Control; Exchange setup adds its own entries (assumption A-INSTALL-ACL).
    const root = { path: 'C:\\', acl: [{ group: 'Everyone', permission: 'Full Control' }] as const };
    const exchange = [
      { group: 'Administrators', permission: 'Full Control' },
      { group: 'Everyone', permission: 'Full Control' },
      { group: 'Exchange service account', permission: 'Full Control' },
      { group: 'SYSTEM', permission: 'Full Control' },
    ] as const;
    this.disk.installAll([root, ...[EXCHSRVR, IMCDATA, ...SPOOL_DIRS.map(spoolPath)].map((path) => ({ path, acl: exchange }))]);
    for (const r of SEED_RECIPIENTS) this.directory.seed(r.name, r.kind);
    const admin = this.directory.live('Administrator');
    if (admin) this.adminMailbox.seed(admin);
  }
}
