// What each operation means and takes. Scenario validation, the README's table and the
// generators' argument ranges all read this table.

import { PERMISSIONS, type Permission } from '../model/acl.ts';
import { RECIPIENT_KINDS } from '../model/directory.ts';
import { EXCHANGE_SERVICES } from '../model/exchangeServices.ts';
import { SPOOL_DIRS } from '../model/paths.ts';
import { SERVICE_PACKS } from '../model/release.ts';
import { TRANSFER_MODES } from '../model/ims/connections.ts';
import { STORE_FIX_NAMES } from '../model/versions.ts';
import { GROUPS, type Group } from '../model/principals.ts';
import { MIME_DEFECTS } from '../mail/mime.ts';
import { CHARSETS, HEADER_DEFECTS } from './messages.ts';
import { TNEF_DEFECTS } from '../mail/tnef.ts';
import type { ArgSpec, Op, OperationSpec, OpName } from './operations.ts';

const SERVICE_ACCOUNT_GROUP: Group = 'Exchange service account';

const spoolDir: ArgSpec = { type: 'enum', values: SPOOL_DIRS };
const imcDirectory: ArgSpec = { type: 'enum', values: ['imcdata', ...SPOOL_DIRS] };
const recipientKind: ArgSpec = { type: 'enum', values: RECIPIENT_KINDS };
const name: ArgSpec = { type: 'string' };
const service: ArgSpec = { type: 'enum', values: EXCHANGE_SERVICES };
const group: ArgSpec = { type: 'enum', values: GROUPS };
const DAY = 86_400;

/** The installed entry for a group on imcdata and its subdirectories (assumption A-INSTALL-ACL). */
const installedEntry = (group: Group): Op => ({ op: 'acl.set', dir: 'imcdata', group, permission: 'Full Control', subdirectories: true });
/** A change that can take the service account's rights away: its own entry, or No Access for a group it is in. */
const deprives = (group: Group, permission: Permission | null): boolean => group === SERVICE_ACCOUNT_GROUP || (permission === 'No Access' && group === 'Everyone');
const asMailbox = (name: string): Op[] => [
  { op: 'recipient.retype', name, kind: 'mailbox' },
  // Choosing it again rewrites the pointer (Q183178-R1), should it be the administrator mailbox.
  ...(name.toLowerCase() === 'administrator' ? [{ op: 'adminMailbox.set', name } as const] : []),
];

export const OPERATIONS: { readonly [N in OpName]: OperationSpec<N> } = {
  'agent.delete': { summary: 'An outside agent (member of Everyone) deletes a spool directory and what is in it.', heal: (op) => [{ op: 'admin.recreateDirectory', dir: op.dir }], args: { dir: spoolDir } },
  'agent.rename': { summary: 'An outside agent renames a spool directory.', heal: (op) => [{ op: 'admin.recreateDirectory', dir: op.dir }], args: { dir: spoolDir, to: name } },
  'agent.schedule': {
    summary: 'An outside agent deletes or renames a spool directory on a schedule, from now on.',
    heal: (op) => [{ op: 'agent.unschedule' }, { op: 'admin.recreateDirectory', dir: op.dir }],
    args: { action: { type: 'enum', values: ['delete', 'rename'] }, dir: spoolDir, everySeconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } },
  },
  'agent.unschedule': { summary: 'The scheduled outside agent is stopped.', args: {} },
  'admin.recreateDirectory': { summary: 'The administrator creates a missing spool directory (Q231737 resolution step 2).', args: { dir: spoolDir } },
  'disk.fill': { summary: 'Other programs fill the disk until only this much is free.', heal: () => [{ op: 'disk.free' }], args: { freeBytes: { type: 'integer', min: 0, max: 2 ** 31, unit: 'bytes' } } },
  'disk.free': { summary: 'The space other programs took is freed.', args: {} },
  'acl.set': {
    summary: "The administrator sets a group's permission on a directory in Explorer, optionally replacing it on subdirectories.",
    heal: (op) => (deprives(op.group, op.permission) ? [installedEntry(op.group)] : []),
    args: { dir: imcDirectory, group, permission: { type: 'enum', values: PERMISSIONS }, subdirectories: { type: 'boolean' } },
  },
  'acl.remove': {
    summary: "The administrator removes a group's entry from a directory's permissions.",
    heal: (op) => (deprives(op.group, null) ? [installedEntry(op.group)] : []),
    args: { dir: imcDirectory, group, subdirectories: { type: 'boolean' } },
  },
  'recipient.create': { summary: 'A recipient is created in the Administrator program.', args: { name, kind: recipientKind } },
  'recipient.delete': {
    summary: 'A recipient is deleted (a mailbox with its contents).',
    heal: (op) => [{ op: 'recipient.create', name: op.name, kind: 'mailbox' }, ...asMailbox(op.name)],
    args: { name },
  },
  'recipient.recreate': { summary: 'A recipient is deleted and created again under the same name: a new directory object.', heal: (op) => asMailbox(op.name), args: { name, kind: recipientKind } },
  'recipient.retype': { summary: 'The same directory object becomes another kind of recipient.', heal: (op) => asMailbox(op.name), args: { name, kind: recipientKind } },
  'adminMailbox.clear': { summary: "The IMS administrator's mailbox is cleared and OK pressed.", heal: () => [{ op: 'adminMailbox.set', name: 'Administrator' }], args: {} },
  'adminMailbox.set': { summary: "A recipient is chosen as the IMS administrator's mailbox and OK pressed.", heal: () => [{ op: 'adminMailbox.set', name: 'Administrator' }], args: { name } },
  'adminMailbox.reset': { summary: 'Changed to another mailbox, OK, then back to the original, OK (Q183178 resolution).', args: { via: name } },
  reboot: {
    summary: 'The server restarts; the directory answers reads and the store starts after the given times.',
    args: { directorySeconds: { type: 'integer', min: 0, max: 3600, unit: 'seconds' }, storeSeconds: { type: 'integer', min: 1, max: 3600, unit: 'seconds' } },
  },
  'service.start': { summary: 'A service is started from Control Panel Services (and what it depends on).', args: { service } },
  'service.stop': { summary: 'A service is stopped from Control Panel Services (and what depends on it).', heal: (op) => [{ op: 'service.start', service: op.service }], args: { service } },
  // Only a restart of the server clears the deadlock that follows (assumption A-DEADLOCK).
  'nt.terminateHungThread': { summary: 'Windows NT terminates a store thread that does not respond.', heal: () => [{ op: 'reboot', directorySeconds: 0, storeSeconds: 10 }], args: {} },
  'smtp.deliver': {
    summary: 'A remote host delivers one message by SMTP: one the harness composes (MIME headers good or with a defect; no, good or bad TNEF; optionally a charset for its text and a forwarded message inside it), or one given as bytes (message), sent as it is.',
    args: {
      to: name,
      mime: { type: 'enum', values: ['good', ...HEADER_DEFECTS] },
      tnef: { type: 'enum', values: ['none', 'good', ...TNEF_DEFECTS] },
      charset: { type: 'enum', values: CHARSETS, default: 'us-ascii' },
      embedded: { type: 'enum', values: ['none', 'good', ...MIME_DEFECTS], default: 'none' },
      message: { type: 'message', replaces: ['mime', 'tnef', 'charset', 'embedded'] },
    },
  },
  'client.submit': { summary: 'A user logs on with Exchange Client and sends a message to the Internet.', args: { from: name, to: name } },
  'client.logon': { summary: 'A client logs on to the information store.', args: { client: { type: 'enum', values: ['Exchange Client', 'Mdbvu32'] } } },
  'servicePack.apply': {
    summary: 'A later service pack of the installed version is installed; setup restarts the server.',
    args: { servicePack: { type: 'integer', min: 1, max: Math.max(...Object.values(SERVICE_PACKS).flat()) } },
  },
  'storeFix.apply': {
    summary: 'A store fix is installed on the level it was made for (Q293288: post-SP3 on 5.5 SP3; Q325939: 5.5.2656.60 on 5.5 SP4); setup restarts the server.',
    args: { fix: { type: 'enum', values: STORE_FIX_NAMES } },
  },
  'ims.transferMode': {
    summary: "The IMS's transfer mode is chosen on its Connections tab in the Administrator program and OK pressed; it takes effect when the service next starts.",
    heal: () => [{ op: 'ims.transferMode', mode: 'inbound-and-outbound' }, { op: 'service.stop', service: 'MSExchangeIMC' }],
    args: { mode: { type: 'enum', values: TRANSFER_MODES } },
  },
  'admin.moveIdentified': {
    summary: 'The administrator moves the messages the event log identifies as malformed (12007 names the message, 4182 the spool file) out of a spool directory, to C:\\malformed (Q293288 resolution step 2).',
    args: { dir: { type: 'enum', values: ['in', 'out'] } },
  },
  'time.pass': { summary: 'Time passes.', args: { seconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } } },
  heal: {
    summary: 'The nemesis heals every fault it injected: each one\'s own heal, last fault first, once the directory answers; then the connector is started (a no-op if it runs).',
    args: {},
  },
};

export const OP_NAMES = Object.keys(OPERATIONS) as OpName[];
