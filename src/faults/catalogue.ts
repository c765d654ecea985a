// What each operation means and takes. Scenario validation, the README's table and the
// generators' argument ranges all read this table.

import { PERMISSIONS } from '../model/acl.ts';
import { RECIPIENT_KINDS } from '../model/directory.ts';
import { EXCHANGE_SERVICES } from '../model/exchangeServices.ts';
import { SPOOL_DIRS } from '../model/paths.ts';
import { GROUPS } from '../model/principals.ts';
import { MIME_DEFECTS } from '../mail/mime.ts';
import { TNEF_DEFECTS } from '../mail/tnef.ts';
import type { ArgSpec, OperationSpec, OpName } from './operations.ts';

const spoolDir: ArgSpec = { type: 'enum', values: SPOOL_DIRS };
const imcDirectory: ArgSpec = { type: 'enum', values: ['imcdata', ...SPOOL_DIRS] };
const recipientKind: ArgSpec = { type: 'enum', values: RECIPIENT_KINDS };
const name: ArgSpec = { type: 'string' };
const service: ArgSpec = { type: 'enum', values: EXCHANGE_SERVICES };
const group: ArgSpec = { type: 'enum', values: GROUPS };
const DAY = 86_400;

export const OPERATIONS: Readonly<Record<OpName, OperationSpec>> = {
  'agent.delete': { summary: 'An outside agent (member of Everyone) deletes a spool directory and what is in it.', heal: 'admin.recreateDirectory', args: { dir: spoolDir } },
  'agent.rename': { summary: 'An outside agent renames a spool directory.', heal: 'admin.recreateDirectory', args: { dir: spoolDir, to: name } },
  'agent.schedule': {
    summary: 'An outside agent deletes or renames a spool directory on a schedule, from now on.',
    heal: 'agent.unschedule',
    args: { action: { type: 'enum', values: ['delete', 'rename'] }, dir: spoolDir, everySeconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } },
  },
  'agent.unschedule': { summary: 'The scheduled outside agent is stopped.', args: {} },
  'admin.recreateDirectory': { summary: 'The administrator creates a missing spool directory (Q231737 resolution step 2).', args: { dir: spoolDir } },
  'disk.fill': { summary: 'Other programs fill the disk until only this much is free.', heal: 'disk.free', args: { freeBytes: { type: 'integer', min: 0, max: 2 ** 31, unit: 'bytes' } } },
  'disk.free': { summary: 'The space other programs took is freed.', args: {} },
  'acl.set': {
    summary: "The administrator sets a group's permission on a directory in Explorer, optionally replacing it on subdirectories.",
    heal: 'acl.set',
    args: { dir: imcDirectory, group, permission: { type: 'enum', values: PERMISSIONS }, subdirectories: { type: 'boolean' } },
  },
  'acl.remove': { summary: "The administrator removes a group's entry from a directory's permissions.", heal: 'acl.set', args: { dir: imcDirectory, group, subdirectories: { type: 'boolean' } } },
  'recipient.create': { summary: 'A recipient is created in the Administrator program.', heal: 'recipient.delete', args: { name, kind: recipientKind } },
  'recipient.delete': { summary: 'A recipient is deleted (a mailbox with its contents).', heal: 'recipient.create', args: { name } },
  'recipient.recreate': { summary: 'A recipient is deleted and created again under the same name: a new directory object.', args: { name, kind: recipientKind } },
  'recipient.retype': { summary: 'The same directory object becomes another kind of recipient.', heal: 'recipient.retype', args: { name, kind: recipientKind } },
  'adminMailbox.clear': { summary: "The IMS administrator's mailbox is cleared and OK pressed.", heal: 'adminMailbox.set', args: {} },
  'adminMailbox.set': { summary: "A recipient is chosen as the IMS administrator's mailbox and OK pressed.", args: { name } },
  'adminMailbox.reset': { summary: 'Changed to another mailbox, OK, then back to the original, OK (Q183178 resolution).', args: { via: name } },
  reboot: {
    summary: 'The server restarts; the directory answers reads and the store starts after the given times.',
    args: { directorySeconds: { type: 'integer', min: 0, max: 3600, unit: 'seconds' }, storeSeconds: { type: 'integer', min: 1, max: 3600, unit: 'seconds' } },
  },
  'service.start': { summary: 'A service is started from Control Panel Services (and what it depends on).', heal: 'service.stop', args: { service } },
  'service.stop': { summary: 'A service is stopped from Control Panel Services (and what depends on it).', heal: 'service.start', args: { service } },
  'nt.terminateHungThread': { summary: 'Windows NT terminates a store thread that does not respond.', args: {} },
  'smtp.deliver': {
    summary: 'A remote host delivers one message by SMTP: MIME headers good or with a defect, with no, good or bad TNEF.',
    args: { to: name, mime: { type: 'enum', values: ['good', ...MIME_DEFECTS] }, tnef: { type: 'enum', values: ['none', 'good', ...TNEF_DEFECTS] } },
  },
  'client.submit': { summary: 'A user logs on with Exchange Client and sends a message to the Internet.', args: { from: name, to: name } },
  'client.logon': { summary: 'A client logs on to the information store.', args: { client: { type: 'enum', values: ['Exchange Client', 'Mdbvu32'] } } },
  'servicePack.apply': { summary: 'A service pack is installed (5.0 only); setup restarts the server.', args: { servicePack: { type: 'integer', min: 1, max: 2 } } },
  'time.pass': { summary: 'Time passes.', args: { seconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } } },
};

export const OP_NAMES = Object.keys(OPERATIONS) as OpName[];
