// When the directory answers the IMS's reads, as the checkers work it out from what they saw:
// from the moment the directory service reports Running, after the warm-up the last reboot
// gave it (none at installation; none at all under the reading that the directory answers at
// once). Q183178's "inaccessible" is this window.

import type { History } from '../../src/harness/history.ts';
import { performed } from '../performed.ts';

const DS = 'MSExchangeDS';

/** The directory's answering windows so far: the closed ones, the open one's start (if any), and the warm-up the last reboot gave. */
export function directoryWindows(h: History): { closed: { from: number; to: number }[]; open: number | undefined; warmup: number } {
  const warms = h.readings.autoStartInaccessible === 'directory-warming-up';
  const closed: { from: number; to: number }[] = [];
  let warmup = 0;
  let open: number | undefined;
  const watch = (seen: History['setup']) => {
    for (const o of seen) {
      if (o.kind !== 'service' || o.service !== DS) continue;
      if (o.to === 'Running') open = o.at + (warms ? warmup : 0);
      else if (open !== undefined) {
        closed.push({ from: open, to: o.at });
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
  return { closed, open, warmup };
}

/** Whether the directory answers reads at a given time of the history. */
export function directoryReference(h: History): (at: number) => boolean {
  const { closed, open } = directoryWindows(h);
  const windows = open === undefined ? closed : [...closed, { from: open, to: Infinity }];
  // Inclusive at both ends: what happens at the same second as the directory stops happened before it (a service stops its dependents first).
  return (at) => windows.some((w) => at >= w.from && at <= w.to);
}
