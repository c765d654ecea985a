// The few private fields exploration reads, in one place. A state's fingerprint must hold
// everything that decides what the server does next; these parts of it have no public
// accessor (src/model and src/faults are not changed for exploration). TypeScript allows
// reading a private member by element access; each read is named here so that the report
// can list them and a public accessor can replace it.

import type { Interpreter } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import type { World } from '../model/world.ts';
import type { ServiceEntry } from '../model/scm.ts';

/** A timer as the clock keeps it: when it is due, the order it was set in, its label. */
export interface PendingTimer {
  readonly at: number;
  readonly seq: number;
  readonly label: string;
  readonly cancelled: boolean;
}

// Element access on purpose: these members are private in the model.
/* eslint-disable @typescript-eslint/dot-notation */

/** VirtualClock.heap: the timers set and not yet fired (cancelled ones included until they reach the top) (`scheduled()` leaves out the order they were set in). */
export const pendingTimers = (w: World): readonly PendingTimer[] => w.clock['heap'];

/** ServiceControlManager.services: each service's state, whether it is wanted (a start waiting for its dependencies) and how it was started. */
export const serviceEntries = (w: World): ReadonlyMap<string, ServiceEntry> => w.scm['services'];

/** Disk.otherUse and Disk.used: what other programs took, and the bytes in files (freeBytes() is their difference from capacity, floored at 0). */
export const diskUse = (w: World): { readonly other: number; readonly files: number } => ({ other: w.disk['otherUse'], files: w.disk['used'] });

/** Directory.readyAt: when the directory starts answering reads (null: its service is down); `readable()` only says whether it does now. */
export const directoryReadyAt = (w: World): number | null => w.directory['readyAt'];

/** InformationStore.archived: archive names given so far (12007 names the next one). */
export const storeArchived = (w: World): number => w.store['archived'];

/** InternetMailService.hungOn: the spool file the IMS hangs on after the store failed under it (Q293288). */
export const imsHungOn = (w: World): string | undefined => w.ims['hungOn'];

/** ImsSpool.waitingOnStore and serial: the inbound thread stuck in a store call (Q168139), and the last spool file number. */
export const spoolState = (w: World): { readonly waitingOnStore: boolean; readonly serial: number } => ({ waitingOnStore: w.spool['waitingOnStore'], serial: w.spool['serial'] });

/** Connections.active (protected): the transfer mode the running IMS read when it started. */
export const activeTransferMode = (w: World): string => w.connections['active'];

/** The interpreter's own state: the scheduled agent, its message serial, the faults a heal will undo, the directory warm-up it waits for. */
export const interpreterState = (i: Interpreter): { readonly agentScheduled: boolean; readonly serial: number; readonly faults: readonly Op[]; readonly warmup: number } => ({
  agentScheduled: i['agent'] !== undefined,
  serial: i['serial'],
  faults: i['faults'],
  warmup: i['warmup'],
});

/** Fates.files and Fates.queued (properties/fates.ts): the checkers' account of files by path, and of messages per queue and mailbox. */
export const fatesTables = (f: import('../../properties/fates.ts').Fates): { readonly files: ReadonlyMap<string, { path: string; id?: string }>; readonly queued: ReadonlyMap<string, number> } => ({
  files: f['files'],
  queued: f['queued'],
});
