// Every operation and fault, as plain serialisable data: what a scenario file holds, what
// generators produce and what the interpreter carries out. The table below is the one
// description of each operation's arguments; validation and documentation derive from it.

import type { Group } from '../model/principals.ts';
import type { Permission } from '../model/acl.ts';
import type { RecipientKind } from '../model/directory.ts';
import type { TransferMode } from '../model/ims/connections.ts';
import type { SpoolDir } from '../model/paths.ts';
import type { StoreFix } from '../model/versions.ts';
import type { MimeDefect, Spoiling, Writer } from '../mail/mime.ts';
import type { Charset, HeaderDefect } from './messages.ts';
import type { TnefDefect } from '../mail/tnef.ts';
import type { Release } from '../model/release.ts';

/** Directories an outside agent or an administrator can act on. */
export type ImcDirectory = 'imcdata' | SpoolDir;
export type LogonClient = 'Exchange Client' | 'Mdbvu32';

export type Op =
  | { readonly op: 'agent.delete'; readonly dir: SpoolDir }
  | { readonly op: 'agent.rename'; readonly dir: SpoolDir; readonly to: string }
  | { readonly op: 'agent.schedule'; readonly action: 'delete' | 'rename'; readonly dir: SpoolDir; readonly everySeconds: number }
  | { readonly op: 'agent.unschedule' }
  | { readonly op: 'admin.recreateDirectory'; readonly dir: SpoolDir }
  | { readonly op: 'disk.fill'; readonly freeBytes: number }
  | { readonly op: 'disk.free' }
  | { readonly op: 'acl.set'; readonly dir: ImcDirectory; readonly group: Group; readonly permission: Permission; readonly subdirectories: boolean }
  | { readonly op: 'acl.remove'; readonly dir: ImcDirectory; readonly group: Group; readonly subdirectories: boolean }
  | { readonly op: 'recipient.create'; readonly name: string; readonly kind: RecipientKind }
  | { readonly op: 'recipient.delete'; readonly name: string }
  | { readonly op: 'recipient.recreate'; readonly name: string; readonly kind: RecipientKind }
  | { readonly op: 'recipient.retype'; readonly name: string; readonly kind: RecipientKind }
  | { readonly op: 'adminMailbox.clear' }
  | { readonly op: 'adminMailbox.set'; readonly name: string }
  | { readonly op: 'adminMailbox.reset'; readonly via: string }
  | { readonly op: 'reboot'; readonly directorySeconds: number; readonly storeSeconds: number }
  | { readonly op: 'service.start'; readonly service: string }
  | { readonly op: 'service.stop'; readonly service: string }
  | { readonly op: 'nt.terminateHungThread' }
  | ({ readonly op: 'smtp.deliver'; readonly to: string } & (GeneratedMessage | GivenMessage))
  | { readonly op: 'client.submit'; readonly from: string; readonly to: string }
  | { readonly op: 'client.logon'; readonly client: LogonClient }
  | { readonly op: 'servicePack.apply'; readonly servicePack: number }
  | { readonly op: 'storeFix.apply'; readonly fix: StoreFix }
  | { readonly op: 'ims.transferMode'; readonly mode: TransferMode }
  | { readonly op: 'admin.moveIdentified'; readonly dir: 'in' | 'out' }
  | { readonly op: 'time.pass'; readonly seconds: number }
  | { readonly op: 'heal' };

/** A message the harness composes from what the operation names (src/faults/messages.ts). */
export interface GeneratedMessage {
  readonly mime: 'good' | HeaderDefect;
  readonly tnef: 'none' | 'good' | TnefDefect;
  /** The charset of its text (default us-ascii); malformed: written as Q293288 shows it. */
  readonly charset?: Charset;
  /** A message it forwards as a message/rfc822 part (default none), good or with a defect in its own headers. */
  readonly embedded?: 'none' | 'good' | MimeDefect;
  /** Whose spelling its bytes are in (default the Exchange IMS's; src/mail/mime/spelling.ts). */
  readonly writer?: Writer;
  /** How its Content-Type is unparseable when mime is unparseable-content-type (default the spelling's own way; src/mail/mime/spoilings.ts). */
  readonly spoiling?: Spoiling;
  readonly message?: never;
}

/**
 * A message of someone's own, as bytes: sent as it is, in place of a generated one, so none of
 * the generated message's arguments goes with it. In a scenario file it may also name a file
 * (`{ "file": ... }`); loading reads it, so an operation always holds the bytes.
 */
export interface GivenMessage {
  readonly message: MessageBytes;
  readonly mime?: never;
  readonly tnef?: never;
  readonly charset?: never;
  readonly embedded?: never;
  readonly writer?: never;
  readonly spoiling?: never;
}

/** A message's bytes in base64 (RFC 4648 section 4), so that the operation stays plain data. */
export interface MessageBytes {
  readonly base64: string;
}

export type OpName = Op['op'];
export type OpOf<N extends OpName> = Extract<Op, { op: N }>;

/** An argument; one with a default may be left out (a new way of doing an operation is a new argument value). */
export type ArgSpec = (
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'integer'; readonly min: number; readonly max: number; readonly unit?: string }
  | { readonly type: 'string' }
  | { readonly type: 'boolean' }
  /** A message given as bytes, in place of the arguments it `replaces` (which must then be absent; without it, they are needed as usual). */
  | { readonly type: 'message'; readonly replaces: readonly string[] }
) & { readonly default?: string | number | boolean };

/** One class of an operation's arguments, and the representative that stands for it. */
export interface ArgClass<N extends OpName = OpName> {
  /** Short, for letters and reports: `in`, `below-reserve`, `bad-mime+bad-tnef`. */
  readonly name: string;
  /** The representative's arguments. */
  readonly args: Omit<OpOf<N>, 'op'>;
}

/**
 * The classes of an operation's arguments: values the model and the articles treat alike,
 * and one representative each. Exploring every short history (npm run explore) uses the
 * representatives as its alphabet; `of` names the class of any operation (undefined: a class
 * left out of the alphabet, the catalogue says why), so that the alphabet can be narrowed to
 * the classes a property's scenarios produce.
 */
export interface ArgClasses<N extends OpName = OpName> {
  readonly of: (op: OpOf<N>, release: Release) => string | undefined;
  readonly representatives: readonly ArgClass<N>[] | ((release: Release) => readonly ArgClass<N>[]);
}

export interface OperationSpec<N extends OpName = OpName> {
  readonly summary: string;
  /** For a fault: the operations that undo it, as the nemesis applies them when it heals (Jepsen's heal). */
  readonly heal?: (op: OpOf<N>) => readonly Op[];
  readonly args: Readonly<Record<string, ArgSpec>>;
  /** The classes of its arguments (an operation without arguments is one class and needs none). */
  readonly classes?: ArgClasses<N>;
}
