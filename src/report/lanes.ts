// The timeline as a picture, as data: which lane each observation belongs to (the remote SMTP
// hosts, each service, the disk and spool directories, the store's queues, threads and logons,
// the mailboxes, the directory, Control Panel, the event log), the rows of each step against
// the virtual clock, and the state of each lane after each row. Built from a replayed
// scenario's history and its timeline; nothing here knows about HTML.
//
// Rows: a step's observations in the order they were seen, cut into rows so that reading the
// rows from top to bottom never reorders what happened: a new row starts when the clock moves
// on, or when an observation goes to a lane the current row has already left. Every
// observation also carries its number in the step, so the order within a row is written out.

import { REMOTE_DOMAIN } from '../faults/messages.ts';
import type { History } from '../harness/history.ts';
import type { Seen } from '../model/journal.ts';
import { IMCDATA, SPOOL_DIRS } from '../model/paths.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { RecipientBook, bytes } from '../scenario/observation.ts';
import type { Timeline, TimelineObservation, TimelineStep } from '../scenario/timeline.ts';

export type LaneGroup = 'remote' | 'services' | 'spool' | 'store' | 'mailboxes' | 'directory' | 'eventlog' | 'server';

export const GROUP_NAMES: Readonly<Record<LaneGroup, string>> = {
  remote: 'Remote SMTP hosts',
  services: 'Services',
  spool: 'Disk and spool (C:\\exchsrvr\\imcdata)',
  store: 'Information store',
  mailboxes: 'Mailboxes',
  directory: 'Directory',
  eventlog: 'Event log',
  server: 'Server',
};

const GROUP_ORDER: readonly LaneGroup[] = ['remote', 'services', 'spool', 'store', 'mailboxes', 'directory', 'eventlog', 'server'];

export interface Lane {
  readonly key: string;
  readonly group: LaneGroup;
  readonly label: string;
  /** A second line for the heading (what the lane holds). */
  readonly sub?: string;
}

/** How a lane's state reads after a row: the words, and a name for its shading. */
export interface LaneState {
  readonly words: string;
  readonly shade: 'running' | 'stoppending' | 'startpending' | 'stopped' | 'missing' | 'low' | 'waiting' | 'rewinding' | 'terminated' | null;
}

export interface Placed {
  /** 1-based number of the observation within its step (or the setup). */
  readonly seq: number;
  readonly lane: string;
  readonly clock: string;
  readonly at: number;
  readonly text: string;
  readonly quoted?: readonly string[];
  readonly tone?: 'smtp-c' | 'smtp-s' | 'bad';
  readonly observation: TimelineObservation;
}

export interface Row {
  readonly clock: string;
  readonly at: number;
  readonly cells: ReadonlyMap<string, readonly Placed[]>;
  /** Each lane's state after the row, by lane key (lanes without a state are absent). */
  readonly states: ReadonlyMap<string, LaneState>;
  /** Lines written at the end of a step: counts that changed, by lane key. */
  readonly after?: ReadonlyMap<string, string>;
}

export interface Block {
  /** null for the setup (installation and first boot). */
  readonly step: TimelineStep | null;
  readonly clock: string;
  readonly rows: readonly Row[];
}

export interface Picture {
  readonly lanes: readonly Lane[];
  readonly blocks: readonly Block[];
}

const lower = (s: string) => s.toLowerCase();

/** The spool lane of a path under imcdata: work, in, out, or imcdata itself and anything else. */
function spoolLane(path: string): string {
  const p = lower(path);
  const root = lower(IMCDATA);
  if (p.startsWith(`${root}\\`)) {
    const first = p.slice(root.length + 1).split('\\')[0]!;
    if ((SPOOL_DIRS as readonly string[]).includes(first)) return `spool:${first}`;
  }
  return 'spool:imcdata';
}

/** The path as seen from its lane: the part under the lane's directory, or all of it. */
function within(path: string, lane: string): string {
  const dir = lane === 'spool:imcdata' ? IMCDATA : `${IMCDATA}\\${lane.slice('spool:'.length)}`;
  if (lower(path) === lower(dir)) return '';
  return lower(path).startsWith(`${lower(dir)}\\`) ? path.slice(dir.length + 1) : path;
}

/** `C:\exchsrvr\imcdata\work\IMC00001.TMP` as `work\IMC00001.TMP`. */
function short(path: string): string {
  return lower(path).startsWith(`${lower(IMCDATA)}\\`) ? path.slice(IMCDATA.length + 1) : path;
}

interface Words {
  readonly lane: string;
  readonly text: string;
  readonly quoted?: readonly string[];
  readonly tone?: Placed['tone'];
}

/** Which lane an observation goes to, and how it reads there (the lane names the place, so the text need not). */
function place(o: TimelineObservation, host: string, names: RecipientBook['names']): Words {
  const s = o.observation;
  switch (s.kind) {
    case 'smtp': return { lane: `remote:${host}`, text: `${s.side === 'client' ? 'C:' : 'S:'} ${s.line}`, tone: s.side === 'client' ? 'smtp-c' : 'smtp-s' };
    case 'connection': return { lane: `remote:${host}`, text: `connection ${s.outcome}: ${s.why}`, ...(s.outcome === 'closed' ? {} : { tone: 'bad' as const }) };
    case 'service': return { lane: `service:${s.service}`, text: `${s.from} → ${s.to} (${s.why})` };
    case 'disk': return { lane: 'disk', text: o.text };
    case 'directory': {
      const lane = spoolLane(s.path);
      const what = within(s.path, lane);
      const verb = s.change === 'renamed' ? `renamed to ${s.to === undefined ? '?' : short(s.to)}` : s.change;
      const destroyed = s.destroyed?.length ? `, destroying ${s.destroyed.join(', ')}` : '';
      const carried = s.carried?.length ? `, carrying ${s.carried.join(', ')} away with it` : '';
      return { lane, text: `${what ? `${what} ` : 'directory '}${verb} by ${s.by}${destroyed}${carried}`, ...(s.change === 'created' ? {} : { tone: 'bad' as const }) };
    }
    case 'file': {
      const message = s.messageId ? ` [${s.messageId}]` : '';
      if (s.change === 'moved' && s.to !== undefined) {
        const lane = spoolLane(s.to);
        return { lane, text: `${within(s.to, lane)} moved in from ${short(s.path)} by ${s.by}${message}` };
      }
      const lane = spoolLane(s.path);
      return { lane, text: `${within(s.path, lane)} ${s.change} by ${s.by}${message}` };
    }
    case 'failed': {
      const lane = spoolLane(s.path);
      const what = within(s.path, lane);
      return { lane, text: `${s.by} could not ${s.action}${what ? ` ${what}` : ''}: ${s.error}`, tone: 'bad' };
    }
    case 'acl': {
      const lane = spoolLane(s.path);
      const what = within(s.path, lane);
      return { lane, text: `${what ? `${what}: ` : ''}${s.group} ${s.permission === null ? 'entry removed' : `→ ${s.permission}`} by ${s.by}` };
    }
    case 'queue': {
      const box = /^mailbox (.+)$/.exec(s.queue);
      const returns = s.returns ? ` (returns ${s.returns} to its sender)` : '';
      if (box) return { lane: `mailbox:${box[1]!}`, text: `${s.change === 'added' ? '+' : '−'} ${s.messageId}` };
      if (s.queue === 'Internet') return { lane: 'internet', text: `${s.change === 'added' ? 'sent' : 'taken back'} ${s.messageId}${returns}` };
      return { lane: `queue:${s.queue}`, text: `${s.change === 'added' ? '+' : '−'} ${s.messageId}${returns}` };
    }
    case 'logon': return { lane: 'logons', text: o.text, ...(s.result === 'completed' ? {} : { tone: 'bad' as const }) };
    case 'store-thread': return { lane: `thread:${s.thread}`, text: `${s.state}${s.messageId ? ` on ${s.messageId}` : ''}`, ...(s.state === 'idle' ? {} : { tone: 'bad' as const }) };
    case 'recipient': return { lane: 'directory', text: o.text };
    case 'admin-mailbox': return { lane: 'directory', text: `administrator mailbox shows ${s.shown ?? '(none)'}, points at ${s.pointer === null ? 'nothing' : names(s.pointer, true)}; by ${s.by}` };
    case 'dialog': return { lane: 'dialog', text: o.text, ...(o.quoted ? { quoted: o.quoted } : {}), tone: 'bad' };
    case 'event': return { lane: 'eventlog', text: o.text, ...(o.quoted ? { quoted: o.quoted } : {}), ...(s.entry.type === 'Error' ? { tone: 'bad' as const } : {}) };
    case 'release': return { lane: 'server', text: o.text };
    case 'note': return { lane: 'server', text: o.text };
  }
}

/** The remote host of each SMTP observation of a list: the name given in HELO/EHLO on its connection, else the model's remote domain. */
function hostsOf(list: readonly TimelineObservation[]): string[] {
  const hosts: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    let host = REMOTE_DOMAIN;
    for (let k = start; k < end; k++) {
      const s = list[k]!.observation;
      const m = s.kind === 'smtp' && s.side === 'client' ? /^(?:HELO|EHLO)\s+(\S+)/i.exec(s.line) : null;
      if (m) {
        host = m[1]!;
        break;
      }
    }
    for (let k = start; k < end; k++) hosts[k] = host;
    start = end;
  };
  list.forEach((o, k) => {
    if (o.observation.kind === 'connection') flush(k + 1);
  });
  flush(list.length);
  return hosts;
}

/** The lane's heading for a key. */
function laneFor(key: string, names: RecipientBook['names']): Lane {
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  switch (kind) {
    case 'remote': return { key, group: 'remote', label: name, sub: 'inbound SMTP client' };
    case 'internet': return { key, group: 'remote', label: 'Internet', sub: 'outbound mail sent' };
    case 'service': return { key, group: 'services', label: name };
    case 'disk': return { key, group: 'spool', label: 'C: disk', sub: 'free space' };
    case 'spool': return name === 'imcdata'
      ? { key, group: 'spool', label: 'imcdata', sub: 'itself and other folders' }
      : { key, group: 'spool', label: name, sub: `imcdata\\${name}` };
    case 'queue': return { key, group: 'store', label: name, sub: 'queue' };
    case 'thread': return { key, group: 'store', label: `thread ${name}`, sub: 'store worker' };
    case 'logons': return { key, group: 'store', label: 'logons', sub: 'client logons' };
    case 'mailbox': return { key, group: 'mailboxes', label: names(name), sub: name };
    case 'directory': return { key, group: 'directory', label: 'recipients', sub: 'and admin mailbox' };
    case 'dialog': return { key, group: 'directory', label: 'Control Panel', sub: 'dialogs' };
    case 'eventlog': return { key, group: 'eventlog', label: 'event log', sub: 'application log' };
    default: return { key, group: 'server', label: 'server', sub: 'releases and notes' };
  }
}

/** Order within a group: the remote hosts before the Internet, fixed places, threads by number, then the rest as first seen. */
function rank(key: string): number {
  if (key.startsWith('remote:') || key.startsWith('service:') || key.startsWith('mailbox:')) return 0;
  const fixed = ['internet', 'disk', 'spool:work', 'spool:in', 'spool:out', 'spool:imcdata', 'queue:MTS-IN', 'queue:MTS-OUT', 'directory', 'dialog'];
  const k = fixed.indexOf(key);
  if (k >= 0) return 10 + k;
  const thread = /^thread:(\d+)$/.exec(key);
  if (thread) return 100 + Number(thread[1]);
  if (key === 'logons') return 1000;
  return 2000;
}

class States {
  services: Record<string, string>;
  spool: Record<string, boolean>;
  free: number;
  counts: Record<string, number>;
  threads: Record<string, string> = {};

  constructor(readonly reserve: number, s: Snapshot) {
    this.services = { ...s.services };
    this.spool = { ...s.spool };
    this.free = s.freeBytes;
    this.counts = {};
    this.sync(s);
  }

  /** Counts from a snapshot: the authority at the end of each step (a deleted mailbox's contents go without a queue change). */
  sync(s: Snapshot): void {
    this.services = { ...s.services };
    this.spool = { ...s.spool };
    this.free = s.freeBytes;
    this.counts = { 'queue:MTS-IN': s.queues['MTS-IN'], 'queue:MTS-OUT': s.queues['MTS-OUT'], internet: s.internet };
    for (const [id, n] of Object.entries(s.mailboxes)) this.counts[`mailbox:${id}`] = n;
  }

  observe(o: Seen): void {
    switch (o.kind) {
      case 'service': this.services[o.service] = o.to; break;
      case 'disk': this.free = o.freeBytes; break;
      case 'directory': {
        const from = spoolLane(o.path);
        if (from !== 'spool:imcdata' && within(o.path, from) === '') this.spool[from.slice(6)] = o.change === 'created';
        if (o.change === 'renamed' && o.to !== undefined) {
          const to = spoolLane(o.to);
          if (to !== 'spool:imcdata' && within(o.to, to) === '') this.spool[to.slice(6)] = true;
        }
        break;
      }
      case 'queue': {
        const box = /^mailbox (.+)$/.exec(o.queue);
        const key = box ? `mailbox:${box[1]!}` : o.queue === 'Internet' ? 'internet' : `queue:${o.queue}`;
        this.counts[key] = Math.max(0, (this.counts[key] ?? 0) + (o.change === 'added' ? 1 : o.queue === 'Internet' ? 0 : -1));
        break;
      }
      case 'store-thread': this.threads[String(o.thread)] = o.state; break;
      default: break;
    }
  }

  of(key: string): LaneState | undefined {
    const [kind, name = ''] = key.split(/:(.*)/s);
    switch (kind) {
      case 'service': {
        const st = this.services[name];
        return st === undefined ? undefined : { words: st, shade: st.toLowerCase() as LaneState['shade'] };
      }
      case 'spool': {
        if (name === 'imcdata') return undefined;
        const exists = this.spool[name];
        return exists === undefined ? undefined : exists ? { words: 'exists', shade: null } : { words: 'missing', shade: 'missing' };
      }
      case 'disk': return this.free < this.reserve ? { words: `${bytes(this.free)} free: below the reserve`, shade: 'low' } : { words: `${bytes(this.free)} free`, shade: null };
      case 'queue':
      case 'mailbox': {
        const n = this.counts[key] ?? 0;
        return { words: `${n} ${kind === 'queue' ? 'waiting' : n === 1 ? 'message' : 'messages'}`, shade: n > 0 ? 'waiting' : null };
      }
      case 'internet': return { words: `${this.counts[key] ?? 0} sent`, shade: null };
      case 'thread': {
        const st = this.threads[name] ?? 'idle';
        return { words: st, shade: st === 'idle' ? null : (st as LaneState['shade']) };
      }
      default: return undefined;
    }
  }
}

/** Rows of one list of observations: cut where the clock moves on or a lane is returned to. */
function rowsOf(start: { clock: string; at: number }, placed: readonly Placed[], states: States, observed: readonly Seen[], keys: readonly string[]): Row[] {
  const rows: Row[] = [];
  let cells = new Map<string, Placed[]>();
  let clock = start.clock;
  let at = start.at;
  let last: string | null = null;
  const close = () => {
    rows.push({ clock, at, cells, states: stateMap(states, keys) });
    cells = new Map();
    last = null;
  };
  placed.forEach((p, k) => {
    const revisit = p.lane !== last && cells.has(p.lane);
    if (p.clock !== clock || revisit) {
      if (cells.size || p.clock !== clock) close();
      clock = p.clock;
      at = p.at;
    }
    cells.set(p.lane, [...(cells.get(p.lane) ?? []), p]);
    last = p.lane;
    states.observe(observed[k]!);
  });
  // The first row is the step's start: it stays even when the first observation comes later.
  close();
  return rows;
}

function stateMap(states: States, keys: readonly string[]): Map<string, LaneState> {
  const m = new Map<string, LaneState>();
  for (const k of keys) {
    const s = states.of(k);
    if (s) m.set(k, s);
  }
  return m;
}

/** The picture of a replayed history and its timeline. */
export function picture(h: History, t: Timeline): Picture {
  const book = new RecipientBook(h.initial);
  const lists: { step: TimelineStep | null; clock: string; at: number; observations: readonly TimelineObservation[]; placed: Placed[] }[] = [];
  const seenKeys = new Set<string>();
  const all = [{ step: null, clock: t.setup.clock, at: h.initial.at, observations: t.setup.observations }, ...t.steps.map((s) => ({ step: s, clock: s.clock, at: h.steps[s.index]!.at, observations: s.observations }))];
  for (const item of all) {
    if (item.step) for (const o of item.observations) book.observe(o.observation);
    const hosts = hostsOf(item.observations);
    const placed = item.observations.map((o, k): Placed => {
      const w = place(o, hosts[k]!, book.names);
      seenKeys.add(w.lane);
      return { seq: k + 1, lane: w.lane, clock: o.clock, at: o.observation.at, text: w.text, ...(w.quoted ? { quoted: w.quoted } : {}), ...(w.tone ? { tone: w.tone } : {}), observation: o };
    });
    lists.push({ ...item, placed });
  }
  // The places a person looks for are always there, even when nothing happened in them.
  const always = [
    `remote:${REMOTE_DOMAIN}`,
    ...Object.keys(h.initial.services).map((s) => `service:${s}`),
    'spool:work', 'spool:in', 'spool:out',
    'queue:MTS-IN', 'queue:MTS-OUT',
    ...h.initial.recipients.filter((r) => r.kind === 'mailbox').map((r) => `mailbox:${r.id}`),
    'eventlog',
  ];
  const order: string[] = [];
  for (const k of [...always, ...seenKeys]) if (!order.includes(k)) order.push(k);
  for (const s of t.steps) for (const k of Object.keys(h.steps[s.index]!.after.services)) if (!order.includes(`service:${k}`)) order.push(`service:${k}`);
  const lanes = order.map((k) => laneFor(k, book.names));
  const firstSeen = (k: string) => order.indexOf(k);
  lanes.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || rank(a.key) - rank(b.key) || firstSeen(a.key) - firstSeen(b.key));
  const keys = lanes.map((l) => l.key);

  const states = new States(h.initial.reserveBytes, h.initial);
  const blocks: Block[] = lists.map((item) => {
    if (!item.step) {
      // The setup happened before the initial snapshot: its rows show the state it ended in.
      const rows = rowsOf({ clock: item.clock, at: item.at }, item.placed, new States(h.initial.reserveBytes, h.initial), item.observations.map((o) => o.observation), keys);
      return { step: null, clock: item.clock, rows };
    }
    const step = h.steps[item.step.index]!;
    const was = new Map(keys.map((k) => [k, states.of(k)?.words]));
    const rows = rowsOf({ clock: item.clock, at: item.at }, item.placed, states, item.observations.map((o) => o.observation), keys);
    states.sync(step.after);
    const end = stateMap(states, keys);
    const after = new Map<string, string>();
    for (const k of keys) {
      const now = end.get(k);
      if (!now || now.words === was.get(k)) continue;
      if (k.startsWith('queue:') || k.startsWith('mailbox:') || k === 'internet' || k === 'disk') after.set(k, `now ${now.words}`);
    }
    const lastRow = rows[rows.length - 1]!;
    rows[rows.length - 1] = { ...lastRow, states: end, ...(after.size ? { after } : {}) };
    return { step: item.step, clock: item.clock, rows };
  });
  return { lanes, blocks };
}

/** Lanes grouped for the two heading rows, in order. */
export function groupsOf(lanes: readonly Lane[]): { group: LaneGroup; name: string; span: number }[] {
  const out: { group: LaneGroup; name: string; span: number }[] = [];
  for (const l of lanes) {
    const last = out[out.length - 1];
    if (last && last.group === l.group) last.span += 1;
    else out.push({ group: l.group, name: GROUP_NAMES[l.group], span: 1 });
  }
  return out;
}
