// Every property's monitor, by property name. A property without one is explored without
// pruning (search.ts): every history is judged, none is merged with another.

import type { Monitor } from './monitor.ts';
import { MONITORS as LAWS } from './laws.ts';
import { MONITORS as Q146791 } from './Q146791.ts';
import { MONITORS as Q168139 } from './Q168139.ts';
import { MONITORS as Q183178 } from './Q183178.ts';
import { MONITORS as Q231737 } from './Q231737.ts';
import { MONITORS as Q293288 } from './Q293288.ts';
import { MONITORS as Q325939 } from './Q325939.ts';

export type { Monitor, MonitorContext } from './monitor.ts';

export const MONITORS: Readonly<Record<string, Monitor>> = { ...LAWS, ...Q146791, ...Q231737, ...Q183178, ...Q168139, ...Q293288, ...Q325939 };

export function monitorOf(property: string): Monitor | undefined {
  return MONITORS[property];
}
