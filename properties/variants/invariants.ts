// Models that break the model's own laws.

import type { Variant } from '../../src/harness/variant.ts';
import type { Permission } from '../../src/model/acl.ts';
import { VirtualClock, type Pending } from '../../src/model/clock.ts';
import { Disk } from '../../src/model/disk.ts';
import { EventLog } from '../../src/model/eventlog.ts';
import type { EventDefinition } from '../../src/model/events.ts';
import { ServiceControlManager, type ServiceEntry, type ServiceState } from '../../src/model/scm.ts';
import { InformationStore } from '../../src/model/store.ts';
import { MessageTransferAgent } from '../../src/model/mta.ts';
import { ImsSpool } from '../../src/model/ims/spool.ts';
import { InternetMailService } from '../../src/model/ims/service.ts';
import { join, spoolPath } from '../../src/model/paths.ts';
import { SERVICE_ACCOUNT, type Group, type Identity } from '../../src/model/principals.ts';
import { diskOptionsOf, type World } from '../../src/model/world.ts';

/** The queues kept in memory only: a restart of the server loses what waited there. */
class StoreThatForgetsItsQueues extends InformationStore {
  override powerOff(): void {
    super.powerOff();
    this.mtsIn.splice(0);
    this.mtsOut.splice(0);
  }
}

/** Takes each file off the spool first, then hands it to the store, whatever the store says. */
class SpoolThatLetsGoFirst extends ImsSpool {
  protected override pollInbound(): void {
    const dir = spoolPath('in');
    let names: string[];
    try {
      names = this.w.disk.list(dir, SERVICE_ACCOUNT);
    } catch {
      return super.pollInbound();
    }
    for (const name of names) {
      const file = join(dir, name);
      let bytes: Buffer;
      try {
        bytes = this.w.disk.read(file, SERVICE_ACCOUNT);
        this.w.disk.remove(file, SERVICE_ACCOUNT);
      } catch {
        return super.pollInbound();
      }
      const result = this.w.store.convertInbound(bytes);
      if (result.status !== 'done' || result.value === 'looping') return;
    }
  }
}

/** Explorer's Remove button does nothing: the entry stays (and the change is recorded all the same). */
class DiskThatKeepsRemovedEntries extends Disk {
  constructor(w: World) {
    super(diskOptionsOf(w), w.journal);
  }
  override setEntry(path: string, group: Group, permission: Permission | null, by: Identity): void {
    const kept = this.aclOf(path).find((a) => a.group === group);
    super.setEntry(path, group, permission ?? kept?.permission ?? null, by);
  }
}

/** Reports a service as started without passing through StartPending. */
class HastyServiceControlManager extends ServiceControlManager {
  protected override move(e: ServiceEntry, to: ServiceState, why: string): void {
    const from = e.state === 'StartPending' ? 'Stopped' : e.state;
    e.state = to;
    if (to === 'StartPending' || from === to) return;
    this.journal.record({ kind: 'service', service: e.def.name, from, to, why });
  }
}

/** Delivers from MTS-IN only until its first stop: started again, it never passes over the queue. */
class MtaThatDoesNotResume extends MessageTransferAgent {
  private started = false;
  override initialise(): boolean {
    if (this.started) return true;
    this.started = true;
    return super.initialise();
  }
}

/** Stopped, it says so, but its passes over its spool and MTS-OUT go on. */
class ImsThatKeepsPolling extends InternetMailService {
  override stop(): { error?: string } {
    return {};
  }
}

class LogThatMisfiles4071 extends EventLog {
  protected override definitionOf(id: number): EventDefinition {
    const def = super.definitionOf(id);
    return id === 4071 ? { ...def, category: 'Service Control' } : def;
  }
}

/** Timers fire in the order they were set, not when they fall due: a timer set later for sooner waits, then fires in the past. */
class ClockThatKeepsOrderSet extends VirtualClock {
  protected override order(a: Pending, b: Pending): number {
    return a.seq - b.seq;
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'reboot-loses-the-queues',
    description: 'The store keeps MTS-IN and MTS-OUT in memory; a restart of the server loses the mail waiting there.',
    breaks: ['INV-1 no acknowledged message is lost'],
    parts: { store: (w) => new StoreThatForgetsItsQueues(w.journal, () => w.traits) },
  },
  {
    name: 'spool-lets-go-first',
    description: 'The IMS deletes each inbound file before the store has converted it, so a message the store cannot take is gone.',
    breaks: ['INV-1 no acknowledged message is lost'],
    parts: { spool: (w) => new SpoolThatLetsGoFirst(w) },
  },
  {
    name: 'mta-does-not-resume',
    description: 'The MTA delivers from MTS-IN only until it is first stopped; after a restart mail waits there for good.',
    breaks: ['LIV-1 heal, then converge'],
    parts: { mta: (w) => new MtaThatDoesNotResume(w.clock, w.store, w.directory) },
  },
  {
    name: 'services-skip-start-pending',
    description: 'The Service Control Manager reports services going from Stopped straight to Running.',
    breaks: ['INV-2 legal service transitions'],
    parts: { scm: (w) => new HastyServiceControlManager(w.clock, w.journal) },
  },
  {
    name: 'ims-sends-while-stopped',
    description: 'The connector, once stopped, goes on sending what waits in MTS-OUT.',
    breaks: ['INV-4 a stopped service does no work'],
    parts: { ims: (w) => new ImsThatKeepsPolling(w) },
  },
  {
    name: '4071-misfiled',
    description: 'Event 4071 is filed under the wrong category.',
    breaks: ['INV-3 well-formed event log', 'Q183178-S1 4071 means the IMS did not start'],
    parts: { eventLog: (w) => new LogThatMisfiles4071(() => w.clock.now, w.journal) },
  },
  {
    name: 'removed-entries-stay',
    description: "Removing a group's entry from a directory's permissions leaves it there.",
    breaks: ['INV-5 permissions shown as set'],
    parts: { disk: (w) => new DiskThatKeepsRemovedEntries(w) },
  },
  {
    name: 'timers-fire-in-the-order-set',
    description: 'Timers fire in the order they were set rather than when they fall due, so what a later timer does is dated before what an earlier one did.',
    breaks: ['INV-6 time never goes back'],
    parts: { clock: () => new ClockThatKeepsOrderSet() },
  },
];
