// Models that get Q325939 wrong.

import type { Variant } from '../../src/harness/variant.ts';
import { InternetMailService } from '../../src/model/ims/service.ts';
import { InformationStore } from '../../src/model/store.ts';
import type { Malformation, StoreFailure } from '../../src/model/versions.ts';
import type { World } from '../../src/model/world.ts';

const store = <T extends InformationStore>(Kind: new (...a: ConstructorParameters<typeof InformationStore>) => T) => (w: World) => new Kind(w.journal, () => w.traits, w.log);

/** Logs its shutdown and goes on running. */
class ImsThatKeepsRunning extends InternetMailService {
  override outOfMemory(file: string): void {
    this.w.log.write(4182, { 'spool file': file.slice(file.lastIndexOf('\\') + 1) });
    this.w.log.write(4102);
    this.w.log.write(1001);
  }
}

/** Says it is shutting down before it says the message will be retried. */
class ImsThatLogsOutOfOrder extends InternetMailService {
  override outOfMemory(file: string): void {
    this.w.log.write(4102);
    this.w.log.write(4182, { 'spool file': file.slice(file.lastIndexOf('\\') + 1) });
    this.w.log.write(1001);
    this.w.scm.ended('MSExchangeIMC', 'shut down after an error from the information store');
  }
}

/** The fix changes nothing. */
class StoreThatTheFixDoesNotFix extends InformationStore {
  protected override failureOn(m: Malformation): StoreFailure | undefined {
    const f = super.failureOn(m);
    return f === 'archive' ? 'out-of-memory' : f;
  }
}

/** The fixed store delivers the message instead of setting it aside. */
class StoreThatDeliversAfterTheFix extends InformationStore {
  protected override failureOn(m: Malformation): StoreFailure | undefined {
    const f = super.failureOn(m);
    return f === 'archive' ? undefined : f;
  }
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'ims-runs-on-after-1001',
    description: 'The IMS logs 4182, 4102 and 1001 and goes on running.',
    breaks: ['Q325939-S1 the IMS stops after 12800, 4182, 4102, 1001'],
    parts: { ims: (w) => new ImsThatKeepsRunning(w) },
  },
  {
    name: 'events-out-of-order',
    description: 'The IMS logs 4102 before 4182.',
    breaks: ['Q325939-S1 the IMS stops after 12800, 4182, 4102, 1001'],
    parts: { ims: (w) => new ImsThatLogsOutOfOrder(w) },
  },
  {
    name: 'sp4-already-fixed',
    description: 'The store of 5.5 SP4 has no problem with a malformed message, against the article\'s STATUS.',
    breaks: ['Q325939-S1 the IMS stops after 12800, 4182, 4102, 1001'],
    parts: {
      store: (w) =>
        new (class StoreFixedBySp4 extends InformationStore {
          protected override failureOn(m: Malformation): StoreFailure | undefined {
            const f = super.failureOn(m);
            return f === 'out-of-memory' && w.release.servicePack === 4 ? undefined : f;
          }
        })(w.journal, () => w.traits, w.log),
    },
  },
  {
    name: 'the-fix-does-not-fix',
    description: 'With the store fix in, a malformed message still stops the IMS.',
    breaks: ['Q325939-R1 the store fix, on SP4, ends it'],
    parts: { store: store(StoreThatTheFixDoesNotFix) },
  },
  {
    name: 'fixed-store-delivers-it',
    description: 'With the store fix in, the malformed message is delivered rather than moved to the archive folder.',
    breaks: ['Q325939-M1 after the fix the message goes to the archive folder'],
    parts: { store: store(StoreThatDeliversAfterTheFix) },
  },
];
