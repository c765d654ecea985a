// The Connections tab of the IMS in the Administrator program: its transfer mode. A change is
// made with OK and takes effect when the service next starts (Q293288's resolution step 5:
// "click OK, and then stop and restart the Internet Mail Service"). What each mode lets through
// is assumption A-TRANSFER-MODE.

import type { Journal } from '../journal.ts';

export const TRANSFER_MODES = ['inbound-and-outbound', 'outbound-only', 'inbound-only'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

export class Connections {
  /** What the Connections tab shows. */
  mode: TransferMode = 'inbound-and-outbound';
  /** What the running service read when it started. */
  protected active: TransferMode = 'inbound-and-outbound';

  constructor(protected readonly journal: Journal) {}

  /** The Administrator program: a transfer mode chosen and OK pressed. */
  choose(mode: TransferMode): void {
    this.mode = mode;
    this.journal.record({ kind: 'note', text: `the Internet Mail Service's transfer mode is set to ${mode}; it takes effect when the service starts` });
  }

  /** The service starts: it reads its transfer mode. */
  activate(): void {
    this.active = this.mode;
  }

  get inbound(): boolean {
    return this.active !== 'outbound-only';
  }

  get outbound(): boolean {
    return this.active !== 'inbound-only';
  }
}
