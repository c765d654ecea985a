// Everything that differs by version, service pack or reading, in one place. The model's
// parts ask these traits; they never test a version number themselves.

import type { Interpretations } from './interpretations.ts';
import type { Release, Version } from './release.ts';

/**
 * Store fixes applied on top of a service pack, and the one level each applies to: Q293288's
 * "information store post-Exchange Server 5.5 Service Pack 3 fix", and Q325939's Store.exe
 * 5.5.2656.60, which "requires Microsoft Exchange Server version 5.5 Service Pack 4".
 */
export const STORE_FIXES = {
  'post-SP3 store fix': { version: '5.5', servicePack: 3 },
  'store 5.5.2656.60': { version: '5.5', servicePack: 4 },
} as const satisfies Readonly<Record<string, { version: Version; servicePack: number }>>;

export type StoreFix = keyof typeof STORE_FIXES;
export const STORE_FIX_NAMES = Object.keys(STORE_FIXES) as StoreFix[];

/** What the store reads in a message it converts that an article names as its trigger. */
export interface Malformation {
  /** Any defect in the message's MIME headers or its parts' (Q168139). */
  readonly badHeaders: boolean;
  /** Its TNEF cannot be decoded (Q168139). */
  readonly badTnef: boolean;
  /** A body part's charset is malformed or blank (Q293288). */
  readonly malformedCharset: boolean;
  /** A message it forwards (message/rfc822) has malformed headers of its own (Q325939). */
  readonly forwardedBadHeaders: boolean;
}

/** What the store does with such a message, where a release's defect or fix says so. */
export type StoreFailure = 'rewind-loop' | 'content-engine-error' | 'out-of-memory' | 'archive';

/** Why the connector could not use its administrator mailbox at start. */
export type AdminMailboxFault = 'not-set' | 'missing' | 'inaccessible' | 'not-a-mailbox';

export interface Traits {
  /** "Internet Mail Connector" on 4.0, "Internet Mail Service" on 5.x (Q246115). */
  readonly product: string;
  /** The name Control Panel Services shows, as in Q146791's dialog. */
  readonly serviceDisplayName: string;
  /** What the running connector does when `in` is gone (interpretation spoolLossWhileRunning). */
  readonly onSpoolLoss: 'reject' | 'stop';
  /** With in missing, whether the running connector refuses calls: never, once it has noticed, or always (interpretation missingInCalls). */
  readonly refusesCallsWithoutIn: 'never' | 'once-noticed' | 'always';
  /** Whether a start recreates missing spool directories (Q146791-R1; interpretation inAtStart). */
  readonly recreatesSpoolAtStart: boolean;
  /** Events a start logs when the administrator mailbox is unusable (interpretation adminMailboxEvents). */
  adminMailboxEvents(fault: AdminMailboxFault): readonly number[];
  /** Whether a start fails while the disk is low (interpretation lowDiskAtStart). */
  readonly refusesStartWhenLow: boolean;
  /** Whether low space is judged against a reserve or only by failed writes (interpretation lowDisk). */
  readonly lowDiskRule: 'reserve' | 'write-fails';
  /** Whether the directory answers reads only some time after it reports Running (interpretation autoStartInaccessible). */
  readonly directoryWarmsUp: boolean;
  /** What converting this message does to the store, if anything out of the ordinary (Q168139, Q293288, Q325939). */
  storeFailure(m: Malformation): StoreFailure | undefined;
  /** Q293288: the IMS hangs, or shuts down at once, when the store fails on a malformed charset (interpretation imsOnStoreError). */
  readonly imsOnStoreError: 'hangs-running' | 'shuts-down';
  /** Q325939: after 1001, whether the IMS is stopped or hangs stopping (interpretation q325939Stop). */
  readonly afterShutdown: 'stopped' | 'hangs-stopping';
}

export function traitsOf(release: Release, readings: Interpretations): Traits {
  const imc = release.version === '4.0';
  const product = imc ? 'Internet Mail Connector' : 'Internet Mail Service';
  return {
    product,
    serviceDisplayName: `Microsoft Exchange ${product}`,
    onSpoolLoss: onSpoolLoss(imc, readings),
    refusesCallsWithoutIn: ({ 'until-noticed': 'once-noticed', 'always-accept': 'never', 'always-refuse': 'always' } as const)[readings.missingInCalls],
    // Q146791: the 4.0 IMC recreates IN on startup, whatever the reading for 5.x.
    recreatesSpoolAtStart: imc || readings.inAtStart === 'recreate',
    adminMailboxEvents: (fault) => adminMailboxEvents(imc, fault, readings),
    refusesStartWhenLow: readings.lowDiskAtStart === 'does-not-start',
    lowDiskRule: readings.lowDisk === 'below-reserve' ? 'reserve' : 'write-fails',
    directoryWarmsUp: readings.autoStartInaccessible === 'directory-warming-up',
    storeFailure: (m) => storeFailure(release, readings, m),
    imsOnStoreError: readings.imsOnStoreError,
    afterShutdown: readings.q325939Stop,
  };
}

/** The first of the articles' store defects this message meets on this release, or what the fix does instead. */
function storeFailure(release: Release, readings: Interpretations, m: Malformation): StoreFailure | undefined {
  if (hasRewindBug(release, readings) && triggers(readings, m.badHeaders, m.badTnef)) return 'rewind-loop';
  if (m.malformedCharset && hasBlankCharsetBug(release)) return 'content-engine-error';
  const q325939 = readings.q325939Trigger === 'forwarded-bad-headers' ? m.forwardedBadHeaders : m.badHeaders || m.forwardedBadHeaders;
  if (q325939 && release.version === '5.5') return hasFix(release, 'store 5.5.2656.60') ? 'archive' : 'out-of-memory';
  return undefined;
}

const hasFix = (release: Release, fix: StoreFix): boolean => release.fixes?.includes(fix) ?? false;

// Q293288: the store of 5.5 before SP4 fails on a blank charset, unless the post-SP3 fix is applied (A-Q293288-LEVELS).
function hasBlankCharsetBug(release: Release): boolean {
  return release.version === '5.5' && release.servicePack < 4 && !hasFix(release, 'post-SP3 store fix');
}

function onSpoolLoss(imc: boolean, readings: Interpretations): 'reject' | 'stop' {
  switch (readings.spoolLossWhileRunning) {
    case 'by-version': return imc ? 'reject' : 'stop';
    case 'stop-every-version': return 'stop';
    case 'reject-every-version': return 'reject';
  }
}

function adminMailboxEvents(imc: boolean, fault: AdminMailboxFault, readings: Interpretations): readonly number[] {
  // Read as Control Panel's error, 2140 is no event of the connector's (interpretation event2140).
  return causeEvents(imc, fault, readings).filter((id) => id !== 2140 || readings.event2140 === 'application-log-event');
}

function causeEvents(imc: boolean, fault: AdminMailboxFault, readings: Interpretations): readonly number[] {
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
