// Control Panel Services: start and stop a service by hand, and the dialog it shows when a
// service reports an error while stopping (Q146791-S3 quotes it).

import type { ServiceControlManager } from './scm.ts';
import type { Journal } from './journal.ts';

export class ControlPanelServices {
  constructor(private readonly scm: ServiceControlManager, private readonly journal: Journal, private readonly serverName: string) {}

  start(service: string): void {
    this.scm.start(service, 'control-panel');
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
