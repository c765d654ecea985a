// Stores and IMSs that get Q168139 wrong.

import type { Variant } from '../../src/harness/variant.ts';
import { InternetMailService } from '../../src/model/ims/service.ts';
import { InformationStore, type StoreCall } from '../../src/model/store.ts';
import type { World } from '../../src/model/world.ts';

const store = <T extends InformationStore>(Kind: new (...a: ConstructorParameters<typeof InformationStore>) => T) => (w: World) => new Kind(w.journal, () => w.traits);

class StoreThatNeverLoops extends InformationStore {
  protected override loops(): boolean {
    return false;
  }
}

class StoreThatAlwaysLoops extends InformationStore {
  protected override loops(badHeaders: boolean, badTnef: boolean): boolean {
    return badHeaders && badTnef;
  }
}

class StoreWhoseLogonsIgnoreTheDeadlock extends InformationStore {
  override logon(client: string): 'completed' | 'does not complete' | 'failed' {
    if (!this.deadlocked) return super.logon(client);
    this.journal.record({ kind: 'logon', client, result: 'completed' });
    return 'completed';
  }
}

/** Logons hang on the deadlocked store, but its queues keep moving. */
class StoreWhoseQueuesIgnoreTheDeadlock extends InformationStore {
  protected override blocked(): StoreCall<never> | undefined {
    return this.up ? undefined : { status: 'unavailable' };
  }
}

class ImsThatLogsWhenTheStoreHangs extends InternetMailService {
  override shutDownSilently(): void {
    this.w.log.write(4131, {}, 'the information store does not respond');
    super.shutDownSilently();
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'bad-mime-alone-loops',
    description: 'Reading rewindTrigger = bad-mime-alone: bad MIME headers alone send the store into the loop.',
    breaks: ['Q168139-C1 only bad headers and bad TNEF loop'],
    readings: { rewindTrigger: 'bad-mime-alone' },
  },
  {
    name: 'store-never-loops',
    description: 'The store converts a message with bad headers and bad TNEF like any other.',
    breaks: ['Q168139-C1 only bad headers and bad TNEF loop'],
    parts: { store: store(StoreThatNeverLoops) },
  },
  {
    name: 'logons-ignore-the-deadlock',
    description: 'Client logons complete on the deadlocked store.',
    breaks: ['Q168139-S1 logons do not complete'],
    parts: { store: store(StoreWhoseLogonsIgnoreTheDeadlock) },
  },
  {
    name: 'ims-logs-when-the-store-hangs',
    description: 'The IMS logs an error as it shuts down on the unresponsive store.',
    breaks: ['Q168139-S2 IMS shuts down silently'],
    parts: { ims: (w) => new ImsThatLogsWhenTheStoreHangs(w) },
  },
  {
    name: 'queues-move-on-the-deadlocked-store',
    description: 'Only logons hang on the deadlocked store; MTS-IN and MTS-OUT keep moving.',
    breaks: ['Q168139-M1 MTS-IN and MTS-OUT stall'],
    parts: { store: store(StoreWhoseQueuesIgnoreTheDeadlock) },
  },
  {
    name: 'service-pack-does-not-fix',
    description: 'Every 5.0 service pack still has the rewind loop.',
    breaks: ['Q168139-T1 the latest service pack fixes it'],
    parts: { store: store(StoreThatAlwaysLoops) },
  },
];
