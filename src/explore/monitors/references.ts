// The checkers' reference models (properties/reference/) as monitors: their state at the end
// of a history, which is what decides what they say of later steps.

import type { History } from '../../harness/history.ts';
import { performed } from '../../../properties/performed.ts';
import { AdministratorBook } from '../../../properties/reference/administrator.ts';
import { storeReference } from '../../../properties/reference/store.ts';
import type { MonitorContext } from './monitor.ts';

/**
 * administratorReference's state: its directory objects (by name, kind, deleted) and the one
 * the pointer names, and the name shown, from the same book (properties/reference/administrator.ts);
 * deleted objects are kept only where the pointer names one.
 */
export function administrator(h: History): unknown {
  const book = new AdministratorBook(h);
  for (const step of performed(h)) for (const { op, outcome } of step) book.apply(op, outcome.ok);
  const { pointer, shown } = book;
  const kept = book.objects.filter((o) => !o.deleted || o === pointer);
  return { objects: kept.map((o) => [o.name, o.kind, o.deleted]), pointer: pointer ? kept.indexOf(pointer) : null, shown };
}

/**
 * directoryReference's state: the warm-up the last reboot gave, and when the open window (if
 * any) began answering, from now; and whether a window closed at this very second (its end is
 * inclusive, so a step at this second still finds the directory answering). Queries about the
 * past are answered when a message comes (flows.ts), so closed windows matter no more.
 */
export function directory(h: History, ctx: MonitorContext): unknown {
  const DS = 'MSExchangeDS';
  const warms = h.readings.autoStartInaccessible === 'directory-warming-up';
  const now = ctx.world.clock.now;
  let warmup = 0;
  let open: number | undefined;
  let closedNow = false;
  const watch = (seen: History['setup']) => {
    for (const o of seen) {
      if (o.kind !== 'service' || o.service !== DS) continue;
      if (o.to === 'Running') open = o.at + (warms ? warmup : 0);
      else if (open !== undefined) {
        if (o.at === now && open <= o.at) closedNow = true;
        open = undefined;
      }
    }
  };
  watch(h.setup);
  const byStep = performed(h);
  for (const s of h.steps) {
    for (const { op } of byStep[s.index]!) {
      if (op.op === 'reboot') warmup = op.directorySeconds;
      if (op.op === 'servicePack.apply') warmup = 0;
    }
    watch(s.seen);
  }
  return { warmup, open: open === undefined ? null : Math.max(0, open - now), closedNow };
}

/** storeReference's state at the end: deadlocked, and the IMS waiting on a looping thread. Its third part, whether the IMC runs, is the model's (INV-2). */
export function store(h: History): unknown {
  const s = storeReference(h)(h.steps.length);
  return [s.deadlocked, s.imsWaiting];
}
