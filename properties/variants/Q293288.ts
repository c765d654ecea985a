// Models that get Q293288 wrong.

import type { Variant } from '../../src/harness/variant.ts';
import { Connections } from '../../src/model/ims/connections.ts';
import { InformationStore } from '../../src/model/store.ts';
import type { Malformation, StoreFailure } from '../../src/model/versions.ts';
import type { World } from '../../src/model/world.ts';

const store = <T extends InformationStore>(Kind: new (...a: ConstructorParameters<typeof InformationStore>) => T) => (w: World) => new Kind(w.journal, () => w.traits, w.log);

/** The failed call is given up without consequence: the store keeps answering after the IMS is restarted. */
class StoreThatShrugsOff extends InformationStore {
  override abandonFailedCall(): void {}
}

/** Any charset but US-ASCII is malformed to its content engine. */
class StoreThatFailsOnAnyCharset extends InformationStore {
  protected override malformationOf(...a: Parameters<InformationStore['malformationOf']>): Malformation {
    const m = super.malformationOf(...a);
    return { ...m, malformedCharset: m.malformedCharset || a[0].charsets.some((c) => c.charset.toLowerCase() !== 'us-ascii') };
  }
}

/** The store's failed call outlives a restart of the server: it still does not respond. */
class StoreThatStaysWedged extends InformationStore {
  override powerOff(): void {
    const wedged = this.deadlocked;
    super.powerOff();
    this.deadlocked = wedged;
  }
}

/** Neither the post-SP3 fix nor SP4 changes what a malformed charset does to the store. */
class StoreWithoutTheFix extends InformationStore {
  protected override failureOn(m: Malformation): StoreFailure | undefined {
    return m.malformedCharset ? 'content-engine-error' : super.failureOn(m);
  }
}

/** The transfer mode is shown, never read: the service always takes mail in and out. */
class ConnectionsNeverRead extends Connections {
  override activate(): void {}
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'ims-shuts-down-on-the-store-error',
    description: 'Reading imsOnStoreError = shuts-down: the IMS shuts down at once rather than hanging.',
    breaks: ['Q293288-S1 the IMS stops processing and hangs'],
    readings: { imsOnStoreError: 'shuts-down' },
  },
  {
    name: 'store-shrugs-off-the-failed-call',
    description: 'Restarting the hung IMS leaves the store answering: logons complete.',
    breaks: ['Q293288-S2 a restart stops the store, with the errors'],
    parts: { store: store(StoreThatShrugsOff) },
  },
  {
    name: 'store-fails-on-any-charset',
    description: 'The content engine fails on any charset but US-ASCII, not only a malformed one.',
    breaks: ['Q293288-C1 a malformed charset is the cause'],
    parts: { store: store(StoreThatFailsOnAnyCharset) },
  },
  {
    name: 'store-stays-wedged-after-a-restart',
    description: 'The failed call outlives a restart of the server: the store still does not respond.',
    breaks: ['Q293288-R1 move the messages, fix the store, restart'],
    parts: { store: store(StoreThatStaysWedged) },
  },
  {
    name: 'transfer-mode-never-read',
    description: 'The service never reads its transfer mode: Outbound only keeps nothing out.',
    breaks: ['Q293288-R2 outbound only keeps inbound mail out'],
    parts: { connections: (w) => new ConnectionsNeverRead(w.journal) },
  },
  {
    name: 'store-without-the-fix',
    description: 'Neither the post-SP3 fix nor SP4 changes what a malformed charset does to the store.',
    breaks: ['Q293288-R3 the fixed store takes a malformed charset'],
    parts: { store: store(StoreWithoutTheFix) },
  },
];
