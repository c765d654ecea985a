// When the directory answers the IMS's reads, as the checkers work it out from what they saw:
// from the moment the directory service reports Running, after the warm-up the last reboot
// gave it (none at installation; none at all under the reading that the directory answers at
// once). Q183178's "inaccessible" is this window.

import type { History } from '../../src/harness/history.ts';
import { performed } from '../performed.ts';

const DS = 'MSExchangeDS';

/** Whether the directory answers reads at a given time of the history. */
export function directoryReference(h: History): (at: number) => boolean {
  const warms = h.readings.autoStartInaccessible === 'directory-warming-up';
  const windows: { from: number; to: number }[] = [];
  let warmup = 0;
  let open: number | undefined;
  const watch = (seen: History['setup']) => {
    for (const o of seen) {
      if (o.kind !== 'service' || o.service !== DS) continue;
      if (o.to === 'Running') open = o.at + (warms ? warmup : 0);
      else if (open !== undefined) {
        windows.push({ from: open, to: o.at });
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
  if (open !== undefined) windows.push({ from: open, to: Infinity });
  // Inclusive at both ends: what happens at the same second as the directory stops happened before it (a service stops its dependents first).
  return (at) => windows.some((w) => at >= w.from && at <= w.to);
}
