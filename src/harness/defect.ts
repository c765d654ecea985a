// A defect of a release that an article documents: the server does what the model's own laws
// forbid (it loses mail, or never gets it through), and the article says so. An article
// declares each defect with the claim that documents it; a law consults the declarations by
// claim ID, so that it stays exact everywhere else. The precise condition belongs to the
// article's files: it is decided from the operations and what was observed, like any check.

import type { History } from './history.ts';

export interface DefectFinding {
  /** Messages the suspended laws do not hold for in this history, each with the reason. */
  readonly messages: ReadonlyMap<string, string>;
  /** Why the connector may not be running at the end of this history, if the defect is why. */
  readonly connectorDown?: string;
}

export interface Defect {
  /** The claim that documents it, e.g. "Q168139-C1". */
  readonly claim: string;
  /** What goes wrong, in the project's words. */
  readonly effect: string;
  /** The laws it suspends, where its finding says: invariant IDs, or FLOW (mail reaches its mailbox within a bound). */
  readonly suspends: readonly string[];
  /** What it did in this history, as the law asks: nothing on a release that does not have it. */
  readonly finds: (h: History, law: string) => DefectFinding;
}

export const NOTHING: DefectFinding = { messages: new Map() };
