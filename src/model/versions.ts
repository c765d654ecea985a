// Everything that differs by version, service pack or reading, in one place. The model's
// parts ask these traits; they never test a version number themselves.

import type { Interpretations } from './interpretations.ts';
import type { Release } from './release.ts';

/** Why the connector could not use its administrator mailbox at start. */
export type AdminMailboxFault = 'not-set' | 'missing' | 'inaccessible' | 'not-a-mailbox';

export interface Traits {
  /** "Internet Mail Connector" on 4.0, "Internet Mail Service" on 5.x (Q246115). */
  readonly product: string;
  /** The name Control Panel Services shows, as in Q146791's dialog. */
  readonly serviceDisplayName: string;
  /** What the running connector does when `in` is gone (interpretation spoolLossWhileRunning). */
  readonly onSpoolLoss: 'reject' | 'stop';
  /** Whether a start recreates missing spool directories (Q146791-R1; interpretation inAtStart). */
  readonly recreatesSpoolAtStart: boolean;
  /** Events a start logs when the administrator mailbox is unusable (interpretation adminMailboxEvents). */
  adminMailboxEvents(fault: AdminMailboxFault): readonly number[];
  /** Whether converting a message with these defects sends a store thread into the rewind loop (Q168139-C1). */
  rewindLoop(badMimeHeaders: boolean, badTnef: boolean): boolean;
  /** Whether a start fails while the disk is low (interpretation lowDiskAtStart). */
  readonly refusesStartWhenLow: boolean;
  /** Whether low space is judged against a reserve or only by failed writes (interpretation lowDisk). */
  readonly lowDiskRule: 'reserve' | 'write-fails';
  /** Whether the directory answers reads only some time after it reports Running (interpretation autoStartInaccessible). */
  readonly directoryWarmsUp: boolean;
}

export function traitsOf(release: Release, readings: Interpretations): Traits {
  const imc = release.version === '4.0';
  const product = imc ? 'Internet Mail Connector' : 'Internet Mail Service';
  return {
    product,
    serviceDisplayName: `Microsoft Exchange ${product}`,
    onSpoolLoss: onSpoolLoss(imc, readings),
    // Q146791: the 4.0 IMC recreates IN on startup, whatever the reading for 5.x.
    recreatesSpoolAtStart: imc || readings.inAtStart === 'recreate',
    adminMailboxEvents: (fault) => adminMailboxEvents(imc, fault, readings),
    rewindLoop: (badMime, badTnef) => hasRewindBug(release, readings) && triggers(readings, badMime, badTnef),
    refusesStartWhenLow: readings.lowDiskAtStart === 'does-not-start',
    lowDiskRule: readings.lowDisk === 'below-reserve' ? 'reserve' : 'write-fails',
    directoryWarmsUp: readings.autoStartInaccessible === 'directory-warming-up',
  };
}

function onSpoolLoss(imc: boolean, readings: Interpretations): 'reject' | 'stop' {
  switch (readings.spoolLossWhileRunning) {
    case 'by-version': return imc ? 'reject' : 'stop';
    case 'stop-every-version': return 'stop';
    case 'reject-every-version': return 'reject';
  }
}

function adminMailboxEvents(imc: boolean, fault: AdminMailboxFault, readings: Interpretations): readonly number[] {
  switch (readings.adminMailboxEvents) {
    case 'always-4071': return [4071];
    case 'always-2140-100': return [2140, 100];
    case 'by-cause': return imc || fault === 'not-a-mailbox' ? [2140, 100] : [4071];
  }
}

// Q168139 is a 5.0 problem that its latest service pack corrects (4.0 and 5.5: A-REWIND-VERSIONS).
function hasRewindBug(release: Release, readings: Interpretations): boolean {
  if (release.version !== '5.0') return false;
  const fixedIn = readings.rewindFixedIn === 'sp1' ? 1 : 2;
  return release.servicePack < fixedIn;
}

function triggers(readings: Interpretations, badMime: boolean, badTnef: boolean): boolean {
  switch (readings.rewindTrigger) {
    case 'both': return badMime && badTnef;
    case 'bad-mime-alone': return badMime;
    case 'bad-tnef-alone': return badTnef;
    case 'either': return badMime || badTnef;
  }
}
