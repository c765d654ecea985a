// The checkers' reference models (properties/reference/) as monitors: their state at the end
// of a history, which is what decides what they say of later steps.

import type { History } from '../../harness/history.ts';
import { performed } from '../../../properties/performed.ts';
import { AdministratorBook } from '../../../properties/reference/administrator.ts';
import { directoryWindows } from '../../../properties/reference/directory.ts';
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
  const now = ctx.world.clock.now;
  const { closed, open, warmup } = directoryWindows(h);
  const closedNow = closed.some((w) => w.to === now && w.from <= w.to);
  return { warmup, open: open === undefined ? null : Math.max(0, open - now), closedNow };
}

/** storeReference's state at the end: deadlocked, and the IMS waiting on a looping thread. Its third part, whether the IMC runs, is the model's (INV-2). */
export function store(h: History): unknown {
  const s = storeReference(h)(h.steps.length);
  return [s.deadlocked, s.imsWaiting];
}
