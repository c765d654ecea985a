// Every defect an article documents, and what they excuse in a history: the laws consult this
// by their own ID, so that each law stays exact wherever no article says otherwise.

import type { Defect, DefectFinding } from '../../src/harness/defect.ts';
import type { History } from '../../src/harness/history.ts';
import { DEFECTS as Q168139 } from './Q168139.ts';
import { DEFECTS as Q293288 } from './Q293288.ts';
import { DEFECTS as Q325939 } from './Q325939.ts';

export const DEFECTS: readonly Defect[] = [...Q168139, ...Q293288, ...Q325939];

/** The end-to-end expectation that accepted mail reaches its mailbox within a bound (support.ts: flowsEndToEnd). */
export const FLOW = 'FLOW';

/** What the documented defects excuse under a law in this history, each with its claim. */
export function excusedUnder(law: string, h: History, defects: readonly Defect[] = DEFECTS): DefectFinding {
  const messages = new Map<string, string>();
  let connectorDown: string | undefined;
  for (const d of defects.filter((x) => x.suspends.includes(law))) {
    const found = d.finds(h, law);
    for (const [id, why] of found.messages) if (!messages.has(id)) messages.set(id, `${why} (${d.claim})`);
    if (found.connectorDown !== undefined) connectorDown ??= `${found.connectorDown} (${d.claim})`;
  }
  return connectorDown === undefined ? { messages } : { messages, connectorDown };
}
