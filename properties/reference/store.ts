// Whether the IMS is held up by the store (Q168139), as the checkers work it out: the store is
// deadlocked from the moment NT reports that it terminated a hung store thread until the server
// restarts; and the IMS's inbound thread waits for good once a store thread it handed a message
// to began rewinding, until the IMS stops.

import type { History } from '../../src/harness/history.ts';
import { performed } from '../performed.ts';

const IMC = 'MSExchangeIMC';

export interface StoreView {
  readonly deadlocked: boolean;
  /** The running IMS handed a message to a store thread that never came back. */
  readonly imsWaiting: boolean;
}

/** The store as it must be just before each step (index). */
export function storeReference(h: History): (index: number) => StoreView {
  const states: StoreView[] = [];
  let deadlocked = false;
  let imsWaiting = false;
  let imcRunning = h.initial.services[IMC] === 'Running';
  const byStep = performed(h);
  for (const s of h.steps) {
    states.push({ deadlocked, imsWaiting });
    for (const { op, outcome } of byStep[s.index]!) {
      if (op.op === 'reboot' || op.op === 'servicePack.apply') deadlocked = false;
      if (op.op === 'nt.terminateHungThread' && outcome.ok) deadlocked = true;
    }
    for (const o of s.seen) {
      if (o.kind === 'service' && o.service === IMC) {
        imcRunning = o.to === 'Running';
        if (!imcRunning) imsWaiting = false;
      }
      if (o.kind === 'store-thread' && o.state === 'rewinding' && imcRunning) imsWaiting = true;
    }
  }
  states.push({ deadlocked, imsWaiting });
  return (index) => states[Math.min(index, states.length - 1)]!;
}
