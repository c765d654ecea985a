// The model's own laws, across all articles: they are not claims of any article, but a model
// that broke them could not be trusted to check one.

import { ops } from '../src/faults/arbitraries.ts';
import { before, type History, type Step } from '../src/harness/history.ts';
import { HOLDS, firstViolation, violated, type Property, type Verdict } from '../src/harness/property.ts';
import type { EventRecord } from '../src/model/eventlog.ts';
import type { Seen } from '../src/model/journal.ts';
import type { Snapshot } from '../src/model/snapshot.ts';
import { excusedUnder } from './defects/index.ts';
import { Fates } from './fates.ts';
import { performed } from './performed.ts';
import { permissionsAsSet } from './reference/permissions.ts';
import { unlike } from './texts/event.ts';
import { EXPECTED_EVENTS } from './texts/index.ts';

/** Long histories of everything: the laws must hold whatever happens. */
const chaos: Property['scenario'] = (r) => ops(r, { minLength: 1, maxLength: 30, size: 'max' });


/** The messages an observation is about. */
function mentioned(o: Seen): string[] {
  switch (o.kind) {
    case 'file': return o.messageId === undefined ? [] : [o.messageId];
    case 'queue': return o.returns === undefined ? [o.messageId] : [o.messageId, o.returns];
    case 'directory': return [...(o.destroyed ?? []), ...(o.carried ?? [])];
    case 'recipient': return o.destroyed ?? [];
    default: return [];
  }
}

/** Mail waiting somewhere (spool, MTS-IN, MTS-OUT) when a fault strikes: what INV-1 is really about. */
const STALLS = new Set(['reboot', 'service.stop', 'nt.terminateHungThread', 'agent.delete', 'agent.rename', 'servicePack.apply', 'heal']);
const pending = (s: Snapshot): boolean => Object.values(s.files).some((n) => n > 0) || s.queues['MTS-IN'] > 0 || s.queues['MTS-OUT'] > 0;

export const noAcknowledgedMessageLost: Property = {
  name: 'INV-1 no acknowledged message is lost',
  claims: ['INV-1'],
  checks: 'After every step, every message the server took responsibility for (250 at the end of DATA, or queued for a client) is in a spool file, MTS-IN, MTS-OUT, the mailbox of a recipient that exists (not one deleted before it arrived) or on the Internet, or was returned to its sender, unless an outside agent or an administrator destroyed it with a directory or a mailbox, or an article documents a defect that deletes it; and what was recorded going in and out of each directory, queue and mailbox agrees with what they hold.',
  // Mail in flight meets restarts, stopped services and a stuck store.
  scenario: (r) =>
    ops(r, { weights: { 'smtp.deliver': 14, 'client.submit': 5, 'time.pass': 8, reboot: 5, 'service.stop': 5, 'nt.terminateHungThread': 3 }, minLength: 1, maxLength: 30, size: 'max' }),
  reached: (h) => h.steps.some((s, i) => STALLS.has(s.op.op) && pending(i === 0 ? h.initial : h.steps[i - 1]!.after)),
  check: (h) => {
    const fates = new Fates().observeAll(h.setup);
    const excused = excusedUnder('INV-1', h).messages;
    const acknowledged = new Set<string>();
    const initially = fates.agrees(h.initial);
    if (initially) return violated('INV-1', -1, `after installation, what the server shows and what was recorded disagree: ${initially}`);
    for (const s of h.steps) {
      fates.observeAll(s.seen);
      const touched = new Set(s.seen.flatMap(mentioned));
      if (s.outcome.accepted && s.outcome.messageId) {
        acknowledged.add(s.outcome.messageId);
        touched.add(s.outcome.messageId);
      }
      const disagreement = fates.agrees(s.after);
      if (disagreement) return violated('INV-1', s.index, `what the server shows and what was recorded disagree: ${disagreement}`);
      for (const id of touched) {
        const original = fates.originalOf(id);
        for (const m of original === undefined ? [id] : [id, original]) {
          if (acknowledged.has(m) && !excused.has(m) && !fates.accountedFor(m)) {
            const orphaned = fates.where(m).orphaned;
            if (orphaned) return violated('INV-1', s.index, `${m} was acknowledged and put into ${orphaned}, whose recipient was deleted before it arrived: no one can read it there, and it was not returned`);
            return violated('INV-1', s.index, `${m} was acknowledged and is now nowhere: not in a spool file, queue or mailbox, not sent, not returned`);
          }
        }
      }
    }
    return HOLDS;
  },
};

/** NT's service states and the moves between them, as the checker knows them. */
const LEGAL: Readonly<Record<string, readonly string[]>> = {
  Stopped: ['StartPending'],
  StartPending: ['Running', 'Stopped'],
  Running: ['StopPending', 'Stopped'],
  StopPending: ['Stopped'],
};

/**
 * What each Exchange service needs running before it starts, as the services' dependencies list
 * them: Control Panel starts these first when asked to start a service.
 */
const NEEDS: Readonly<Record<string, readonly string[]>> = {
  MSExchangeSA: [],
  MSExchangeDS: ['MSExchangeSA'],
  MSExchangeIS: ['MSExchangeDS'],
  MSExchangeMTA: ['MSExchangeDS'],
  MSExchangeIMC: ['MSExchangeIS', 'MSExchangeMTA'],
};

/** The services a Control Panel start of `service` starts: it and, first, what it needs. */
function startedWith(service: string): string[] {
  return [service, ...(NEEDS[service] ?? []).flatMap(startedWith)];
}

/** Operations that restart the server when they are carried out (service pack and store fix setup restart it: A-SP-SETUP). */
const RESTARTS = new Set(['reboot', 'servicePack.apply', 'storeFix.apply']);

export const legalServiceTransitions: Property = {
  name: 'INV-2 legal service transitions',
  claims: ['INV-2'],
  checks: 'Every service moves only along NT\'s transitions, each from the state it was last in, and Control Panel shows the state it last moved to; a service goes Running only while what it needs runs, stops only once what needs it no longer runs, and none runs without what it needs after a step; a service starts only once something asked it to: a Control Panel start of it or of a service that needs it, or a restart of the server, in that step or an earlier one whose start has not ended yet (a store slow to boot keeps the connector waiting past the reboot\'s step).',
  scenario: chaos,
  reached: (h) => h.steps.some((s) => s.seen.some((o) => o.kind === 'service')),
  check: (h) => {
    const last = new Map<string, string>();
    const byStep = performed(h);
    // Services asked to start in an earlier step whose start has not begun and ended since (a
    // store slow to boot keeps the connector waiting past the reboot's step).
    const asked = new Set<string>();
    const walk = (seen: readonly Seen[], step: number): Verdict => {
      const ops = step < 0 ? [] : byStep[step]!;
      // A Control Panel stop of a service ends any wish for it, and for what needs it, to run.
      for (const { op } of ops) if (op.op === 'service.stop') for (const service of Object.keys(NEEDS)) if (startedWith(service).includes(op.service)) asked.delete(service);
      // Asked in this step (the order within a step is not compared): Control Panel starts, and,
      // from the first start after its shutdown, a restart (setup boots the server), which asks
      // every Automatic service (all of Exchange's are).
      const now = new Set(ops.flatMap(({ op }) => (op.op === 'service.start' ? startedWith(op.service) : [])));
      let restart = step < 0 || ops.some((p) => RESTARTS.has(p.op.op) && p.outcome.ok);
      const failed = new Set<string>();
      for (const o of seen) {
        if (o.kind !== 'service') continue;
        const from = last.get(o.service) ?? 'Stopped';
        if (o.from !== from) return violated('INV-2', step, `${o.service} moved from ${o.from}, but was last ${from}`);
        if (!LEGAL[o.from]?.includes(o.to)) return violated('INV-2', step, `${o.service} moved ${o.from} -> ${o.to}, which NT does not do`);
        if (o.to === 'StartPending' && restart) {
          for (const service of Object.keys(NEEDS)) now.add(service);
          restart = false;
        }
        if (o.to === 'StartPending' && !now.has(o.service) && !asked.has(o.service)) return violated('INV-2', step, `${o.service} started, but nothing started it: no Control Panel start of it or of a service that needs it, and no restart`);
        if (o.to === 'Running') {
          const down = (NEEDS[o.service] ?? []).find((n) => last.get(n) !== 'Running');
          if (down) return violated('INV-2', step, `${o.service} went Running while ${down}, which it needs, was ${last.get(down) ?? 'Stopped'}`);
        }
        // NT stops the services that need a service before it.
        if (o.from === 'Running') {
          const up = Object.keys(NEEDS).find((d) => NEEDS[d]!.includes(o.service) && last.get(d) === 'Running');
          if (up) return violated('INV-2', step, `${o.service} went ${o.to} while ${up}, which needs it, was still Running`);
        }
        if (o.from === 'StartPending') asked.delete(o.service);
        if (o.from === 'StartPending' && o.to === 'Stopped') failed.add(o.service);
        else failed.delete(o.service);
        last.set(o.service, o.to);
      }
      // Still starting, or still waiting for what it needs, at the end of the step: asked on.
      for (const service of now) if (last.get(service) === 'StartPending' || (last.get(service) === 'Stopped' && !failed.has(service))) asked.add(service);
      for (const service of asked) if (last.get(service) === 'Running') asked.delete(service);
      return HOLDS;
    };
    const shown = (s: Snapshot, step: number): Verdict => {
      const wrong = Object.entries(s.services).find(([name, state]) => state !== (last.get(name) ?? 'Stopped'));
      if (wrong) return violated('INV-2', step, `Control Panel shows ${wrong[0]} ${wrong[1]}, but it last moved to ${last.get(wrong[0]) ?? 'Stopped'}`);
      // After a step, none runs without what it needs.
      for (const [name, state] of Object.entries(s.services)) {
        const down = state === 'Running' ? (NEEDS[name] ?? []).find((n) => s.services[n] !== 'Running') : undefined;
        if (down) return violated('INV-2', step, `Control Panel shows ${name} Running, but ${down}, which it needs, is ${s.services[down] ?? 'Stopped'}`);
      }
      return HOLDS;
    };
    return firstViolation([walk(h.setup, -1), shown(h.initial, -1), ...h.steps.flatMap((s) => [walk(s.seen, s.index), shown(s.after, s.index)])]);
  },
};

/** Why an entry is not one of the events the articles define, or undefined. */
function wellFormed(e: EventRecord): string | undefined {
  const expected = EXPECTED_EVENTS.find((x) => x.id === e.id);
  return expected ? unlike(expected, e) : `event ${e.id} is not one the articles define`;
}

export const wellFormedEventLog: Property = {
  name: 'INV-3 well-formed event log',
  claims: ['INV-3'],
  checks: 'The event log only grows, one record at a time in order and in time order, and every entry is an event the articles define, with its source, type, category and text.',
  scenario: chaos,
  reached: (h) => h.steps.some((s) => s.seen.some((o) => o.kind === 'event')),
  check: (h: History) => {
    let count = 0;
    let time = 0;
    const walk = (seen: readonly Seen[], step: number, after: Snapshot): Verdict => {
      for (const o of seen) {
        if (o.kind !== 'event') continue;
        const e = o.entry;
        if (e.record !== count + 1) return violated('INV-3', step, `record ${e.record} follows record ${count}`);
        if (e.time < time) return violated('INV-3', step, `record ${e.record} is dated before the record it follows`);
        const wrong = wellFormed(e);
        if (wrong) return violated('INV-3', step, wrong);
        count = e.record;
        time = e.time;
      }
      return after.eventCount === count ? HOLDS : violated('INV-3', step, `the log holds ${after.eventCount} records, but ${count} were written`);
    };
    return firstViolation([walk(h.setup, -1, h.initial), ...h.steps.map((s) => walk(s.seen, s.index, s.after))]);
  },
};

const CONNECTOR = 'MSExchangeIMC';

/** What each service is seen doing in the journal, by the queue a message enters: the MTA delivers into mailboxes and returns mail; the IMC takes mail into MTS-IN and sends it out. */
function workerOf(o: Seen): string | undefined {
  if (o.kind !== 'queue' || o.change !== 'added') return undefined;
  if (o.queue.startsWith('mailbox ') || (o.queue === 'MTS-OUT' && o.returns !== undefined)) return 'MSExchangeMTA';
  if (o.queue === 'MTS-IN' || o.queue === 'Internet') return 'MSExchangeIMC';
  return undefined;
}

export const stoppedServicesDoNothing: Property = {
  name: 'INV-4 a stopped service does no work',
  claims: ['INV-4'],
  checks: 'No message enters a mailbox, and no non-delivery report is made, while the MTA is Stopped; none enters MTS-IN or goes out to the Internet while the connector is Stopped (as the service records in the journal say, in order within each step); and a remote host that calls while Control Panel shows the connector Stopped finds nothing listening (its connection is refused).',
  // Services stopped while mail waits for them: a client's messages in MTS-OUT, deliveries, reboots.
  scenario: (r) =>
    ops(r, { weights: { 'smtp.deliver': 8, 'client.submit': 4, reboot: 4, 'service.stop': 5, 'service.start': 2, 'time.pass': 6 }, minLength: 1, maxLength: 30, size: 'max' }),
  reached: (h) => h.steps.some((s) => s.seen.some((o) => o.kind === 'service' && o.to === 'Stopped' && (o.service === 'MSExchangeMTA' || o.service === 'MSExchangeIMC'))),
  check: (h) => {
    const state = new Map<string, string>();
    const walk = (seen: readonly Seen[], step: number): Verdict => {
      for (const o of seen) {
        if (o.kind === 'service') state.set(o.service, o.to);
        const worker = workerOf(o);
        if (worker !== undefined && (state.get(worker) ?? 'Stopped') === 'Stopped' && o.kind === 'queue') return violated('INV-4', step, `${o.messageId} entered ${o.queue} while ${worker} was Stopped`);
      }
      return HOLDS;
    };
    // The call is made before the step lets its second pass, so the state before the step is the one it met.
    const answered = (s: Step): Verdict =>
      s.op.op === 'smtp.deliver' && before(h, s.index).services[CONNECTOR] === 'Stopped' && s.outcome.detail !== 'connection refused'
        ? violated('INV-4', s.index, `the connector was Stopped, yet a call to port 25 was answered: ${s.outcome.detail ?? (s.outcome.accepted ? 'accepted' : 'not accepted')}`)
        : HOLDS;
    return firstViolation([walk(h.setup, -1), ...h.steps.flatMap((s) => [walk(s.seen, s.index), answered(s)])]);
  },
};

export const permissionsShownAsSet: Property = {
  name: 'INV-5 permissions shown as set',
  claims: ['INV-5'],
  checks: 'After every step, Explorer shows on each directory under Imcdata the entries the operations set there, worked out from the operations (properties/reference/permissions.ts): setup\'s entries, each group\'s permission as set or removed (below too when asked), a new directory starting with its parent\'s entries, a renamed one keeping its own; and no permission changes that no operation asked for.',
  // The administrator at work on the permissions, while the agent and the IMS make and take directories.
  scenario: (r) =>
    ops(r, { weights: { 'acl.set': 8, 'acl.remove': 6, 'agent.delete': 4, 'agent.rename': 3, 'agent.schedule': 1, 'admin.recreateDirectory': 4, 'service.start': 3, 'service.stop': 2, reboot: 2, heal: 2, 'time.pass': 3 }, minLength: 1, maxLength: 20 }),
  reached: (h) => performed(h).some((ps) => ps.some((p) => p.op.op === 'acl.set' || p.op.op === 'acl.remove')),
  check: (h) => {
    const wrong = permissionsAsSet(h, performed(h));
    return wrong ? violated('INV-5', wrong.index, wrong.why) : HOLDS;
  },
};

/** An observation, as a timeline names it in a verdict. */
function named(o: Seen): string {
  switch (o.kind) {
    case 'event': return `event ${o.entry.id} (record ${o.entry.record})`;
    case 'service': return `${o.service} going ${o.to}`;
    case 'queue': return `${o.messageId} ${o.change === 'added' ? 'entering' : 'leaving'} ${o.queue}`;
    case 'file': case 'directory': return `${o.path} ${o.change}`;
    default: return `a ${o.kind} observation`;
  }
}

export const timeNeverGoesBack: Property = {
  name: 'INV-6 time never goes back',
  claims: ['INV-6'],
  checks: 'From installation on, everything observed is dated no earlier than what was observed before it, and within its step: no earlier than the step began, no later than it ended; an event is dated when it was written; and time passes as asked: a step that lets N seconds pass ends N seconds after it began.',
  scenario: chaos,
  // Something happened while time passed within a step: timers fired on the way.
  reached: (h) => h.steps.some((s) => s.seen.some((o) => o.at > s.at)),
  check: (h) => {
    // A step begins when the last one ended (the harness reads one clock): only what happens within it can go back.
    const walk = (seen: readonly Seen[], step: number, began: number, ended: number): Verdict => {
      if (ended < began) return violated('INV-6', step, `the step ended at ${ended} s, before it began (${began} s)`);
      let last = began;
      for (const o of seen) {
        if (o.at < last) return violated('INV-6', step, `${named(o)} is dated ${o.at} s, before what was observed before it (${last} s)`);
        if (o.at > ended) return violated('INV-6', step, `${named(o)} is dated ${o.at} s, after the step ended (${ended} s)`);
        if (o.kind === 'event' && o.entry.time !== o.at) return violated('INV-6', step, `${named(o)} was written at ${o.at} s, but the log dates it ${o.entry.time} s`);
        last = o.at;
      }
      return HOLDS;
    };
    const passed = (s: Step): Verdict =>
      s.op.op === 'time.pass' && s.after.at - s.at !== s.op.seconds
        ? violated('INV-6', s.index, `${s.op.seconds} s were let pass, but the step ended ${s.after.at - s.at} s after it began`)
        : HOLDS;
    return firstViolation([walk(h.setup, -1, 0, h.initial.at), ...h.steps.flatMap((s) => [walk(s.seen, s.index, s.at, s.after.at), passed(s)])]);
  },
};

export const PROPERTIES: readonly Property[] = [noAcknowledgedMessageLost, legalServiceTransitions, wellFormedEventLog, stoppedServicesDoNothing, permissionsShownAsSet, timeNeverGoesBack];
