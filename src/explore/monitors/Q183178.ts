// Monitors for Q183178's and Q246115's properties (properties/Q183178.ts, Q246115.ts): the
// administrator mailbox and the directory as the checkers' reference models have them.

import { administratorReference } from '../../../properties/reference/administrator.ts';
import { directoryReference } from '../../../properties/reference/directory.ts';
import { IMC, events, looksRight, stepsOf } from '../../../properties/support.ts';
import { before } from '../../harness/history.ts';
import type { Monitor } from './monitor.ts';
import { administrator, directory } from './references.ts';

const local: Monitor = () => null;
const references: Monitor = (h, ctx) => ({ administrator: administrator(h), directory: directory(h, ctx) });

/** S2: the references, and whether an automatic start that failed with the mailbox right still waits for its manual start. */
const failsOnlyAtAutomaticStart: Monitor = (h, ctx) => {
  const admin = administratorReference(h);
  const readable = directoryReference(h);
  const pending = stepsOf(h, 'reboot')
    .filter((s) => admin(s.index).state === 'mailbox' && events(s, 4071).length > 0)
    .some((reboot) => !stepsOf(h, 'service.start').some((s) => s.index > reboot.index && s.op.service === IMC && readable(s.at)));
  return { ...(references(h, ctx) as object), pending };
};

export const MONITORS: Readonly<Record<string, Monitor>> = {
  'Q183178-S1 4071 means the IMS did not start': local,
  'Q183178-C1 4071 exactly when the pointer cannot be obtained': references,
  'Q183178-S2 fails only at the automatic start': failsOnlyAtAutomaticStart,
  // The final start is judged when it happens; a later one replaces it, anything else but probes ends it.
  'Q183178-R1 a correct mailbox lets the IMS start': local,
  'Q183178-R2 away and back resets the pointer': (h) => stepsOf(h, 'adminMailbox.reset').some((s) => looksRight(before(h, s.index))),
  'Q246115-S1 a recipient that is not a mailbox stops the start': references,
  // The last start is judged when it happens; a later one replaces it.
  'Q246115-R1 a valid user lets the service start': local,
};
