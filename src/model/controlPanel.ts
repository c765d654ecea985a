// Control Panel Services: start and stop a service by hand, and the dialogs it shows: when a
// service reports an error while stopping (Q146791-S3 quotes it), and when one fails to start
// ("Error 2140", as Q154589 and Q173496 show it; assumption A-START-DIALOG).

import type { ServiceControlManager } from './scm.ts';
import type { Journal } from './journal.ts';

/** What Control Panel reports for any service that fails to start (Q148727, Q154589, Q173496). */
export const START_ERROR = 'Error 2140: An internal Windows NT error occurred.';

export class ControlPanelServices {
  constructor(
    protected readonly scm: ServiceControlManager,
    protected readonly journal: Journal,
    protected readonly serverName: string,
    /** Control Panel waits for the start to finish (the clock runs meanwhile). */
    protected readonly wait: () => void,
  ) {}

  /** Starts the service and waits for it; returns the dialog shown if it failed to start. */
  start(service: string): string | undefined {
    const before = this.scm.attempts(service);
    this.scm.start(service, 'control-panel');
    this.wait();
    if (!this.scm.failedSince(service, before)) return undefined;
    const text = [`Could not start the ${this.scm.definition(service).displayName} service on \\\\${this.serverName}.`, '', START_ERROR].join('\n');
    this.journal.record({ kind: 'dialog', text });
    return text;
  }

  /** Returns the dialogs shown, if any. */
  stop(service: string): string[] {
    const dialogs = this.scm.stop(service, 'stopped from Control Panel').map(({ service: failed, error }) =>
      [`Could not stop the ${this.scm.definition(failed).displayName} on`, `\\\\${this.serverName}`, '', error].join('\n'),
    );
    for (const text of dialogs) this.journal.record({ kind: 'dialog', text });
    return dialogs;
  }
}
