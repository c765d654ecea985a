// fast-check arbitraries for operations and whole sequences, valid for the release under
// test. Argument values are few and meaningful (around the disk reserve, around the boot
// timings that matter), listed benign-first so that shrinking moves toward the harmless.

import * as fc from 'fast-check';
import { HEADER_DEFECTS, type Charset } from './messages.ts';
import { TNEF_DEFECTS } from '../mail/tnef.ts';
import type { Writer } from '../mail/mime.ts';
import { RECIPIENT_KINDS } from '../model/directory.ts';
import { EXCHANGE_SERVICES, IMC } from '../model/exchangeServices.ts';
import { SERVICE_PACKS, type Release } from '../model/release.ts';
import { TRANSFER_MODES } from '../model/ims/connections.ts';
import { STORE_FIXES, STORE_FIX_NAMES } from '../model/versions.ts';
import { DEFAULT_SETTINGS } from '../model/world.ts';
import type { Op, OpName } from './operations.ts';

export type Weights = Readonly<Partial<Record<OpName, number>>>;

const KiB = 1024;
const MiB = 1024 * KiB;

/** Recipients scenarios talk about: the seeded ones, one to be created, one that never exists. */
export const NAMES = ['Alice', 'Bob', 'Administrator', 'Sales', 'Partner', 'Carol', 'Nobody'] as const;

/** How often each operation is picked when nothing is focused. */
export const DEFAULT_WEIGHTS: Readonly<Record<OpName, number>> = {
  'agent.delete': 5,
  'agent.rename': 2,
  'agent.schedule': 2,
  'agent.unschedule': 1,
  'admin.recreateDirectory': 2,
  'disk.fill': 3,
  'disk.free': 2,
  'acl.set': 3,
  'acl.remove': 1,
  'recipient.create': 1,
  'recipient.delete': 1,
  'recipient.recreate': 1,
  'recipient.retype': 1,
  'adminMailbox.clear': 1,
  'adminMailbox.set': 2,
  'adminMailbox.reset': 1,
  reboot: 2,
  'service.start': 4,
  'service.stop': 3,
  'nt.terminateHungThread': 2,
  'smtp.deliver': 12,
  'client.submit': 3,
  'client.logon': 3,
  'servicePack.apply': 1,
  'time.pass': 6,
  heal: 1,
  // An article's new operations join the mix when its own properties ask for them, so that
  // adding it changes no other article's histories.
  'storeFix.apply': 0,
  'ims.transferMode': 0,
  'admin.moveIdentified': 0,
};

const weighted = <T>(...options: [number, T][]): fc.Arbitrary<T> =>
  fc.oneof(...options.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

const spoolDir = weighted<'in' | 'work' | 'out'>([6, 'in'], [1, 'work'], [1, 'out']);
const name = fc.constantFrom(...NAMES);
const kind = fc.constantFrom(...RECIPIENT_KINDS);
/** Whose spelling a composed message is in: two times in five the Exchange IMS's, else another mailer's, an unusual one's or a careless one's (the same message, spelt otherwise). */
export const writer = weighted<Writer>([2, 'exchange'], [1, 'other'], [1, 'unusual'], [1, 'careless']);
const service = weighted<string>([8, IMC], ...EXCHANGE_SERVICES.filter((s) => s !== IMC).map((s): [number, string] => [1, s]));

/** The arbitrary for one operation, or undefined when it does not apply to the release. */
export function opArbitrary(name_: OpName, release: Release): fc.Arbitrary<Op> | undefined {
  switch (name_) {
    case 'agent.delete': return fc.record({ op: fc.constant(name_), dir: spoolDir });
    case 'agent.rename': return fc.record({ op: fc.constant(name_), dir: spoolDir, to: fc.constantFrom('in.old', 'in.bak') });
    case 'agent.schedule':
      return fc.record({ op: fc.constant(name_), action: fc.constantFrom('delete' as const, 'rename' as const), dir: spoolDir, everySeconds: weighted<number>([3, 60], [3, 30], [2, 300], [2, 3600], [1, 1]) });
    case 'agent.unschedule': return fc.constant({ op: name_ });
    case 'admin.recreateDirectory': return fc.record({ op: fc.constant(name_), dir: spoolDir });
    case 'disk.fill': return fc.record({ op: fc.constant(name_), freeBytes: fc.constantFrom(100 * MiB, 11 * MiB, DEFAULT_SETTINGS.reserveBytes, 9 * MiB, 1 * MiB, 4 * KiB, 0) });
    case 'disk.free': return fc.constant({ op: name_ });
    case 'acl.set':
      return fc.record({
        op: fc.constant(name_),
        dir: weighted<'imcdata' | 'in'>([3, 'imcdata'], [2, 'in']),
        group: weighted<'Everyone' | 'Exchange service account'>([4, 'Everyone'], [1, 'Exchange service account']),
        permission: weighted<'Full Control' | 'Read' | 'Change' | 'No Access'>([3, 'Full Control'], [5, 'Read'], [1, 'Change'], [1, 'No Access']),
        subdirectories: fc.boolean(),
      });
    case 'acl.remove':
      return fc.record({ op: fc.constant(name_), dir: weighted<'imcdata' | 'in'>([1, 'imcdata'], [1, 'in']), group: weighted<'Exchange service account' | 'Everyone'>([3, 'Exchange service account'], [1, 'Everyone']), subdirectories: fc.boolean() });
    case 'recipient.create': return fc.record({ op: fc.constant(name_), name, kind });
    case 'recipient.delete': return fc.record({ op: fc.constant(name_), name });
    case 'recipient.recreate': return fc.record({ op: fc.constant(name_), name, kind });
    case 'recipient.retype': return fc.record({ op: fc.constant(name_), name, kind });
    case 'adminMailbox.clear': return fc.constant({ op: name_ });
    case 'adminMailbox.set': return fc.record({ op: fc.constant(name_), name });
    case 'adminMailbox.reset': return fc.record({ op: fc.constant(name_), via: name });
    case 'reboot': return fc.record({ op: fc.constant(name_), directorySeconds: fc.constantFrom(0, 5, 30, 90, 300), storeSeconds: fc.constantFrom(10, 5, 30, 60) });
    case 'service.start': return fc.record({ op: fc.constant(name_), service });
    case 'service.stop': return fc.record({ op: fc.constant(name_), service });
    case 'nt.terminateHungThread': return fc.constant({ op: name_ });
    case 'smtp.deliver':
      return fc.record({
        op: fc.constant(name_),
        to: weighted<string>([4, 'Alice'], [3, 'Bob'], [1, 'Administrator'], [1, 'Nobody']),
        mime: fc.oneof({ weight: 1, arbitrary: fc.constant('good' as const) }, { weight: 1, arbitrary: fc.constantFrom(...HEADER_DEFECTS) }),
        tnef: fc.oneof({ weight: 3, arbitrary: fc.constant('none' as const) }, { weight: 3, arbitrary: fc.constant('good' as const) }, { weight: 4, arbitrary: fc.constantFrom(...TNEF_DEFECTS) }),
        writer,
        // Before 5.5, Q293288's charsets and Q325939's forwarded messages meet no store that
        // fails on them: drawn here, every history checks that they pass as any other message
        // (a malformed charset as a bad header). On 5.5 those articles' own properties draw them.
        ...(release.version === '5.5'
          ? {}
          : {
              charset: weighted<Charset>([6, 'us-ascii'], [1, 'iso-8859-1'], [1, 'malformed']),
              embedded: fc.oneof({ weight: 6, arbitrary: fc.constant('none' as const) }, { weight: 1, arbitrary: fc.constant('good' as const) }, { weight: 1, arbitrary: fc.constantFrom(...HEADER_DEFECTS) }),
            }),
      });
    case 'client.submit': return fc.record({ op: fc.constant(name_), from: fc.constantFrom('Alice', 'Bob'), to: fc.constant('friend@remote.example') });
    case 'client.logon': return fc.record({ op: fc.constant(name_), client: fc.constantFrom('Exchange Client' as const, 'Mdbvu32' as const) });
    case 'servicePack.apply': {
      const later = SERVICE_PACKS[release.version].filter((sp) => sp > release.servicePack);
      return later.length ? fc.record({ op: fc.constant(name_), servicePack: fc.constantFrom(...later) }) : undefined;
    }
    case 'time.pass': return fc.record({ op: fc.constant(name_), seconds: fc.constantFrom(10, 5, 15, 30, 60, 600) });
    case 'heal': return fc.constant({ op: name_ });
    case 'storeFix.apply': {
      const fixes = STORE_FIX_NAMES.filter((f) => STORE_FIXES[f].version === release.version && STORE_FIXES[f].servicePack >= release.servicePack);
      return fixes.length ? fc.record({ op: fc.constant(name_), fix: fc.constantFrom(...fixes) }) : undefined;
    }
    case 'ims.transferMode': return fc.record({ op: fc.constant(name_), mode: fc.constantFrom(...TRANSFER_MODES) });
    case 'admin.moveIdentified': return fc.record({ op: fc.constant(name_), dir: fc.constantFrom('in' as const, 'out' as const) });
  }
}

/** One operation, picked by weight among those valid for the release. */
export function anyOp(release: Release, weights: Weights = {}): fc.Arbitrary<Op> {
  const choices = (Object.keys(DEFAULT_WEIGHTS) as OpName[]).flatMap((n) => {
    const weight = weights[n] ?? DEFAULT_WEIGHTS[n];
    const arbitrary = weight > 0 ? opArbitrary(n, release) : undefined;
    return arbitrary ? [{ weight, arbitrary }] : [];
  });
  return fc.oneof(...choices);
}

/** Weights that pick only the given operations. */
export function only(weights: Weights): Weights {
  return Object.fromEntries((Object.keys(DEFAULT_WEIGHTS) as OpName[]).map((n) => [n, weights[n] ?? 0]));
}

/**
 * A sequence of operations. `weights` change the default weights (use `only` to pick just
 * some operations); `size` is fast-check's (its default, 'small', keeps sequences short).
 */
export function ops(release: Release, options: { weights?: Weights; minLength?: number; maxLength?: number; size?: fc.SizeForArbitrary } = {}): fc.Arbitrary<Op[]> {
  return fc.array(anyOp(release, options.weights), { minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 20, ...(options.size ? { size: options.size } : {}) });
}

/** Sequences joined in order: the usual shape of a story (prefix, trigger, probes, resolution, probes). */
export function story(...parts: fc.Arbitrary<Op[]>[]): fc.Arbitrary<Op[]> {
  return fc.tuple(...parts).map((xs) => xs.flat());
}

/** A fixed list of operations. */
export function steps(...list: Op[]): fc.Arbitrary<Op[]> {
  return fc.constant(list);
}
