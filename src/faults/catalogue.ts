// What each operation means and takes. Scenario validation, the README's table and the
// generators' argument ranges all read this table.

import { PERMISSIONS, type Permission } from '../model/acl.ts';
import { RECIPIENT_KINDS } from '../model/directory.ts';
import { EXCHANGE_SERVICES } from '../model/exchangeServices.ts';
import { SPOOL_DIRS } from '../model/paths.ts';
import { SERVICE_PACKS } from '../model/release.ts';
import { TRANSFER_MODES } from '../model/ims/connections.ts';
import { STORE_FIXES, STORE_FIX_NAMES } from '../model/versions.ts';
import { GROUPS, type Group } from '../model/principals.ts';
import { MIME_DEFECTS, SPOILINGS, WRITERS } from '../mail/mime.ts';
import { CHARSETS, HEADER_DEFECTS } from './messages.ts';
import { TNEF_DEFECTS } from '../mail/tnef.ts';
import type { ArgSpec, Op, OperationSpec, OpName } from './operations.ts';
import { IMC, IS } from '../model/exchangeServices.ts';
import { DEFAULT_SETTINGS } from '../model/world.ts';

const SERVICE_ACCOUNT_GROUP: Group = 'Exchange service account';

const spoolDir: ArgSpec = { type: 'enum', values: SPOOL_DIRS };
const imcDirectory: ArgSpec = { type: 'enum', values: ['imcdata', ...SPOOL_DIRS] };
const recipientKind: ArgSpec = { type: 'enum', values: RECIPIENT_KINDS };
const name: ArgSpec = { type: 'string' };
const service: ArgSpec = { type: 'enum', values: EXCHANGE_SERVICES };
const group: ArgSpec = { type: 'enum', values: GROUPS };
const DAY = 86_400;

// Argument classes (npm run explore's alphabet; operations.ts: ArgClasses). A class is a set of
// argument values the model and the articles treat alike, and its representative stands for
// it. Chosen to keep the alphabet to a few dozen letters: what an article names gets a class of
// its own (the in directory, the reserve, the administrator mailbox, MIME x TNEF, a poll, a
// minute), what it does not is folded into one class, and a class no article needs is left
// out (its `of` gives undefined; the comment at the operation says why).
const MiB = 1024 * 1024;
/** `in` is what the articles are about; work and out are another spool directory. */
const dirClass = (dir: string): string => (dir === 'in' ? 'in' : 'other');
const dirClasses = [{ name: 'in', args: { dir: 'in' } }, { name: 'other', args: { dir: 'work' } }] as const;
const isAdministrator = (name: string): boolean => name.toLowerCase() === 'administrator';
const kindClass = (kind: string): string => (kind === 'mailbox' ? 'mailbox' : 'not-a-mailbox');
/** Seeded recipients that are not mailboxes, and a name that never exists (arbitraries.ts: NAMES). */
const NOT_MAILBOXES = ['sales', 'partner', 'nobody'];
const BAD_MIME = 'bad-mime-version' as const;
const BAD_TNEF = 'bad-checksum' as const;
/** The connector, and the store (Q168139: stopping and starting it is not a restart of the server); the rest are left out. */
const serviceClass = (service: string): string | undefined => (service === IMC ? 'connector' : service === IS ? 'store' : undefined);
const serviceClasses = [{ name: 'connector', args: { service: IMC } }, { name: 'store', args: { service: IS } }] as const;

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
  'agent.delete': { summary: 'An outside agent (member of Everyone) deletes a spool directory and what is in it.', heal: (op) => [{ op: 'admin.recreateDirectory', dir: op.dir }], args: { dir: spoolDir }, classes: { of: (op) => dirClass(op.dir), representatives: dirClasses } },
  'agent.rename': { summary: 'An outside agent renames a spool directory.', heal: (op) => [{ op: 'admin.recreateDirectory', dir: op.dir }], args: { dir: spoolDir, to: name }, classes: { of: (op) => (op.dir === 'in' ? 'in' : undefined), representatives: [{ name: 'in', args: { dir: 'in', to: 'in.old' } }] } },
  'agent.schedule': {
    summary: 'An outside agent deletes or renames a spool directory on a schedule, from now on.',
    heal: (op) => [{ op: 'agent.unschedule' }, { op: 'admin.recreateDirectory', dir: op.dir }],
    args: { action: { type: 'enum', values: ['delete', 'rename'] }, dir: spoolDir, everySeconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } },
    // One class: whatever the action and the interval, a spool directory keeps being taken away.
    classes: { of: () => 'every-30s', representatives: [{ name: 'every-30s', args: { action: 'delete', dir: 'in', everySeconds: 30 } }] },
  },
  'agent.unschedule': { summary: 'The scheduled outside agent is stopped.', args: {} },
  'admin.recreateDirectory': { summary: 'The administrator creates a missing spool directory (Q231737 resolution step 2).', args: { dir: spoolDir }, classes: { of: (op) => dirClass(op.dir), representatives: dirClasses } },
  'disk.fill': {
    summary: 'Other programs fill the disk until only this much is free.',
    heal: () => [{ op: 'disk.free' }],
    args: { freeBytes: { type: 'integer', min: 0, max: 2 ** 31, unit: 'bytes' } },
    classes: {
      of: (op) => (op.freeBytes === 0 ? 'full' : op.freeBytes < DEFAULT_SETTINGS.reserveBytes ? 'below-reserve' : 'above-reserve'),
      representatives: [{ name: 'above-reserve', args: { freeBytes: 11 * MiB } }, { name: 'below-reserve', args: { freeBytes: 1 * MiB } }, { name: 'full', args: { freeBytes: 0 } }],
    },
  },
  'disk.free': { summary: 'The space other programs took is freed.', args: {} },
  'acl.set': {
    summary: "The administrator sets a group's permission on a directory in Explorer, optionally replacing it on subdirectories.",
    heal: (op) => (deprives(op.group, op.permission) ? [installedEntry(op.group)] : []),
    args: { dir: imcDirectory, group, permission: { type: 'enum', values: PERMISSIONS }, subdirectories: { type: 'boolean' } },
    // By effect: Everyone Read Only (the agent can no longer remove in), replaced below Imcdata or on
    // Imcdata alone; the service account kept from writing; rights given back. Other groups are left out.
    classes: {
      of: (op) => {
        if (op.group !== 'Everyone' && op.group !== SERVICE_ACCOUNT_GROUP) return undefined;
        if (op.permission === 'Change' || op.permission === 'Full Control') return 'writable';
        if (op.group === SERVICE_ACCOUNT_GROUP || op.permission === 'No Access') return 'service-kept-out';
        return op.dir === 'imcdata' && !op.subdirectories ? 'read-only-imcdata-alone' : 'read-only';
      },
      representatives: [
        { name: 'read-only', args: { dir: 'imcdata', group: 'Everyone', permission: 'Read', subdirectories: true } },
        { name: 'read-only-imcdata-alone', args: { dir: 'imcdata', group: 'Everyone', permission: 'Read', subdirectories: false } },
        { name: 'service-kept-out', args: { dir: 'in', group: SERVICE_ACCOUNT_GROUP, permission: 'Read', subdirectories: false } },
        { name: 'writable', args: { dir: 'imcdata', group: 'Everyone', permission: 'Full Control', subdirectories: true } },
      ],
    },
  },
  'acl.remove': {
    summary: "The administrator removes a group's entry from a directory's permissions.",
    heal: (op) => (deprives(op.group, null) ? [installedEntry(op.group)] : []),
    args: { dir: imcDirectory, group, subdirectories: { type: 'boolean' } },
    classes: {
      of: (op) => (op.group === SERVICE_ACCOUNT_GROUP ? 'service-account' : undefined),
      representatives: [{ name: 'service-account', args: { dir: 'imcdata', group: SERVICE_ACCOUNT_GROUP, subdirectories: true } }],
    },
  },
  'recipient.create': {
    summary: 'A recipient is created in the Administrator program.',
    args: { name, kind: recipientKind },
    // As a mailbox (other kinds are reached by retyping it); the administrator mailbox's name, or another.
    classes: {
      of: (op) => (isAdministrator(op.name) ? 'administrator' : 'other'),
      representatives: [{ name: 'administrator', args: { name: 'Administrator', kind: 'mailbox' } }, { name: 'other', args: { name: 'Carol', kind: 'mailbox' } }],
    },
  },
  'recipient.delete': {
    summary: 'A recipient is deleted (a mailbox with its contents).',
    heal: (op) => [{ op: 'recipient.create', name: op.name, kind: 'mailbox' }, ...asMailbox(op.name)],
    args: { name },
    classes: {
      of: (op) => (isAdministrator(op.name) ? 'administrator' : 'other'),
      representatives: [{ name: 'administrator', args: { name: 'Administrator' } }, { name: 'other', args: { name: 'Alice' } }],
    },
  },
  'recipient.recreate': {
    summary: 'A recipient is deleted and created again under the same name: a new directory object.',
    heal: (op) => asMailbox(op.name),
    args: { name, kind: recipientKind },
    classes: {
      of: (op) => kindClass(op.kind),
      representatives: [{ name: 'mailbox', args: { name: 'Administrator', kind: 'mailbox' } }, { name: 'not-a-mailbox', args: { name: 'Administrator', kind: 'distribution list' } }],
    },
  },
  'recipient.retype': {
    summary: 'The same directory object becomes another kind of recipient.',
    heal: (op) => asMailbox(op.name),
    args: { name, kind: recipientKind },
    classes: {
      of: (op) => kindClass(op.kind),
      representatives: [{ name: 'mailbox', args: { name: 'Administrator', kind: 'mailbox' } }, { name: 'not-a-mailbox', args: { name: 'Administrator', kind: 'custom recipient' } }],
    },
  },
  'adminMailbox.clear': { summary: "The IMS administrator's mailbox is cleared and OK pressed.", heal: () => [{ op: 'adminMailbox.set', name: 'Administrator' }], args: {} },
  'adminMailbox.set': {
    summary: "A recipient is chosen as the IMS administrator's mailbox and OK pressed.",
    heal: () => [{ op: 'adminMailbox.set', name: 'Administrator' }],
    args: { name },
    classes: {
      of: (op) => (NOT_MAILBOXES.includes(op.name.toLowerCase()) ? 'not-a-mailbox' : 'a-mailbox'),
      representatives: [{ name: 'a-mailbox', args: { name: 'Administrator' } }, { name: 'not-a-mailbox', args: { name: 'Sales' } }],
    },
  },
  'adminMailbox.reset': { summary: 'Changed to another mailbox, OK, then back to the original, OK (Q183178 resolution).', args: { via: name }, classes: { of: () => 'via-a-mailbox', representatives: [{ name: 'via-a-mailbox', args: { via: 'Alice' } }] } },
  reboot: {
    summary: 'The server restarts; the directory answers reads and the store starts after the given times.',
    args: { directorySeconds: { type: 'integer', min: 0, max: 3600, unit: 'seconds' }, storeSeconds: { type: 'integer', min: 1, max: 3600, unit: 'seconds' } },
    // Q183178: the directory answers at once or warms up for minutes; how long the store takes is no article's matter.
    classes: {
      of: (op) => (op.directorySeconds === 0 ? 'directory-ready' : 'directory-slow'),
      representatives: [{ name: 'directory-ready', args: { directorySeconds: 0, storeSeconds: 10 } }, { name: 'directory-slow', args: { directorySeconds: 300, storeSeconds: 10 } }],
    },
  },
  'service.start': { summary: 'A service is started from Control Panel Services (and what it depends on).', args: { service }, classes: { of: (op) => serviceClass(op.service), representatives: serviceClasses } },
  'service.stop': { summary: 'A service is stopped from Control Panel Services (and what depends on it).', heal: (op) => [{ op: 'service.start', service: op.service }], args: { service }, classes: { of: (op) => serviceClass(op.service), representatives: serviceClasses } },
  // Only a restart of the server clears the deadlock that follows (assumption A-DEADLOCK).
  'nt.terminateHungThread': { summary: 'Windows NT terminates a store thread that does not respond.', heal: () => [{ op: 'reboot', directorySeconds: 0, storeSeconds: 10 }], args: {} },
  'smtp.deliver': {
    summary: 'A remote host delivers one message by SMTP: one the harness composes (MIME headers good or with a defect; no, good or bad TNEF; optionally a charset for its text and a forwarded message inside it; spelt as the Exchange IMS, another mailer, an unusual one or a careless one writes, an unparseable Content-Type in one of several ways), or one given as bytes (message), sent as it is.',
    args: {
      to: name,
      mime: { type: 'enum', values: ['good', ...HEADER_DEFECTS] },
      tnef: { type: 'enum', values: ['none', 'good', ...TNEF_DEFECTS] },
      charset: { type: 'enum', values: CHARSETS, default: 'us-ascii' },
      embedded: { type: 'enum', values: ['none', 'good', ...MIME_DEFECTS], default: 'none' },
      writer: { type: 'enum', values: WRITERS, default: 'exchange' },
      spoiling: { type: 'enum', values: SPOILINGS, default: 'writer' },
      message: { type: 'message', replaces: ['mime', 'tnef', 'charset', 'embedded', 'writer', 'spoiling'] },
    },
    // MIME x TNEF as Q168139 divides them, to a mailbox; one message for no mailbox (it is returned);
    // on 5.5, Q293288's charsets (declared, or malformed) and Q325939's forwarded message with bad
    // headers. Elsewhere no store reads those: a malformed charset is a bad header, the rest good.
    classes: {
      of: (op, release) => {
        if (NOT_MAILBOXES.includes(op.to.toLowerCase())) return 'to-no-mailbox';
        const on55 = release.version === '5.5';
        if (op.charset === 'malformed' && on55) return 'malformed-charset';
        if (op.embedded !== undefined && op.embedded !== 'none' && op.embedded !== 'good' && on55) return 'forwarded-bad';
        if (op.charset === 'iso-8859-1' && on55 && op.mime === 'good' && (op.tnef === 'none' || op.tnef === 'good')) return 'declared-charset';
        const mime = op.mime !== 'good' || op.charset === 'malformed';
        const tnef = op.tnef !== 'none' && op.tnef !== 'good';
        return mime && tnef ? 'bad-mime+bad-tnef' : mime ? 'bad-mime' : tnef ? 'bad-tnef' : 'good';
      },
      representatives: (release) => [
        { name: 'good', args: { to: 'Alice', mime: 'good', tnef: 'none' } },
        { name: 'bad-mime', args: { to: 'Alice', mime: BAD_MIME, tnef: 'none' } },
        { name: 'bad-tnef', args: { to: 'Alice', mime: 'good', tnef: BAD_TNEF } },
        { name: 'bad-mime+bad-tnef', args: { to: 'Alice', mime: BAD_MIME, tnef: BAD_TNEF } },
        { name: 'to-no-mailbox', args: { to: 'Nobody', mime: 'good', tnef: 'none' } },
        ...(release.version === '5.5'
          ? [
              { name: 'declared-charset', args: { to: 'Alice', mime: 'good', tnef: 'none', charset: 'iso-8859-1' } } as const,
              { name: 'malformed-charset', args: { to: 'Alice', mime: 'good', tnef: 'none', charset: 'malformed' } } as const,
              { name: 'forwarded-bad', args: { to: 'Alice', mime: 'good', tnef: 'none', embedded: BAD_MIME } } as const,
            ]
          : []),
      ],
    },
  },
  'client.submit': { summary: 'A user logs on with Exchange Client and sends a message to the Internet.', args: { from: name, to: name }, classes: { of: () => 'to-the-internet', representatives: [{ name: 'to-the-internet', args: { from: 'Alice', to: 'friend@remote.example' } }] } },
  'client.logon': { summary: 'A client logs on to the information store.', args: { client: { type: 'enum', values: ['Exchange Client', 'Mdbvu32'] } }, classes: { of: () => 'any', representatives: [{ name: 'any', args: { client: 'Mdbvu32' } }] } },
  'servicePack.apply': {
    summary: 'A later service pack of the installed version is installed; setup restarts the server.',
    args: { servicePack: { type: 'integer', min: 1, max: Math.max(...Object.values(SERVICE_PACKS).flat()) } },
    // The next level and the latest (Q168139: which of them fixes it is a reading).
    classes: {
      of: (op, release) => {
        const levels = SERVICE_PACKS[release.version];
        if (!levels.includes(op.servicePack) || op.servicePack <= release.servicePack) return undefined; // setup does not apply: nothing happens
        return op.servicePack === Math.max(...levels) ? 'latest' : 'next';
      },
      representatives: (release) => {
        const later = SERVICE_PACKS[release.version].filter((sp) => sp > release.servicePack);
        return [...(later.length > 1 ? [{ name: 'next', args: { servicePack: later[0]! } }] : []), ...(later.length ? [{ name: 'latest', args: { servicePack: later.at(-1)! } }] : [])];
      },
    },
  },
  'storeFix.apply': {
    summary: 'A store fix is installed on the level it was made for (Q293288: post-SP3 on 5.5 SP3; Q325939: 5.5.2656.60 on 5.5 SP4); setup restarts the server.',
    args: { fix: { type: 'enum', values: STORE_FIX_NAMES } },
    classes: {
      of: (op) => op.fix,
      representatives: (release) => STORE_FIX_NAMES.filter((f) => STORE_FIXES[f].version === release.version).map((fix) => ({ name: fix, args: { fix } })),
    },
  },
  'ims.transferMode': {
    summary: "The IMS's transfer mode is chosen on its Connections tab in the Administrator program and OK pressed; it takes effect when the service next starts.",
    heal: () => [{ op: 'ims.transferMode', mode: 'inbound-and-outbound' }, { op: 'service.stop', service: 'MSExchangeIMC' }],
    args: { mode: { type: 'enum', values: TRANSFER_MODES } },
    // On 5.5 (Q293288); inbound only is no article's.
    classes: {
      of: (op) => (op.mode === 'inbound-only' ? undefined : op.mode),
      representatives: (release) => (release.version === '5.5' ? [{ name: 'outbound-only', args: { mode: 'outbound-only' } }, { name: 'inbound-and-outbound', args: { mode: 'inbound-and-outbound' } }] : []),
    },
  },
  'admin.moveIdentified': {
    summary: 'The administrator moves the messages the event log identifies as malformed (12007 names the message, 4182 the spool file) out of a spool directory, to C:\\malformed (Q293288 resolution step 2).',
    args: { dir: { type: 'enum', values: ['in', 'out'] } },
    // On 5.5 (Q293288).
    classes: {
      of: (op) => op.dir,
      representatives: (release) => (release.version === '5.5' ? [{ name: 'in', args: { dir: 'in' } }, { name: 'out', args: { dir: 'out' } }] : []),
    },
  },
  'time.pass': {
    summary: 'Time passes.',
    args: { seconds: { type: 'integer', min: 1, max: DAY, unit: 'seconds' } },
    // A poll (the IMS polls every 10 s; Q325939's window is 15 s), a minute (FLOW_SECONDS), ten minutes (LIV-1's wait).
    classes: {
      of: (op) => (op.seconds <= 15 ? 'poll' : op.seconds <= 60 ? 'minute' : 'ten-minutes'),
      representatives: [{ name: 'poll', args: { seconds: 15 } }, { name: 'minute', args: { seconds: 60 } }, { name: 'ten-minutes', args: { seconds: 600 } }],
    },
  },
  heal: {
    summary: 'The nemesis heals every fault it injected: each one\'s own heal, last fault first, once the directory answers; then the connector is started (a no-op if it runs).',
    args: {},
  },
};

export const OP_NAMES = Object.keys(OPERATIONS) as OpName[];
