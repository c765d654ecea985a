// A monitor for a property: what of a history's past its verdicts on longer histories depend
// on, beyond the model's state. The property's own checker still judges every history; the
// monitor's summary joins the model's fingerprint, so that two histories are merged only when
// every judge would say the same of any continuation of either. A summary is plain data, with
// made-up names canonical (the context's Canon) and times relative to now.
//
// The summary may assume what every history it is asked about satisfies: the history itself
// holds under the property and every law (a violating history ends the search), in particular
// INV-2 (Control Panel shows the state each service last moved to) and INV-3.

import type { History } from '../../harness/history.ts';
import type { World } from '../../model/world.ts';
import type { Fates } from '../../../properties/fates.ts';
import type { Canon } from '../canon.ts';
import type { Origins } from '../origins.ts';

export interface MonitorContext {
  readonly canon: Canon;
  readonly origins: Origins;
  readonly world: World;
  /** The checkers' account of where every message is (support.ts fatesOf), made once per history. */
  readonly fates: Fates;
}

export type Monitor = (h: History, ctx: MonitorContext) => unknown;
