// The recent history itself, canonical: every step from a given one on, with its operation,
// what its actor saw, what was observed and the state after it; made-up names (Message-IDs,
// serial numbers in subjects and senders, directory objects, spool files) canonical and times
// relative to now. A monitor whose checker looks at a short window of steps in detail keeps
// that window this way while it is open: exact, at the price of merging less meanwhile.

import type { History } from '../../harness/history.ts';
import type { MonitorContext } from './monitor.ts';

const MESSAGE_ID = /(?:ndr\.)*(?:fwd\.)?\d+\.\d+@(?:remote\.example|example\.com)/g;
const SERIALS: readonly [RegExp, string][] = [
  [/\b(sender|friend)\d+@/g, '$1#@'],
  [/\b(Message|Forwarded) \d+\b/g, '$1 #'],
  [/\breport\d+\.doc\b/g, 'report#.doc'],
  [/\bARC[0-9A-Z]{5}\b/g, 'ARC#'],
];
const OBJECT = /\bobj-\d+\b/g;
const SPOOL_FILE = /\bIMC\d{5}\.TMP\b/gi;
const TIMES = new Set(['at', 'time']);

export function tail(h: History, ctx: MonitorContext, from: number): unknown {
  const { canon } = ctx;
  const text = (s: string): string => {
    let t = s.replace(MESSAGE_ID, (id) => canon.message(id));
    for (const [re, to] of SERIALS) t = t.replace(re, to);
    return t.replace(OBJECT, (id) => canon.object(id)).replace(SPOOL_FILE, (name) => (canon.knowsFile(name) ? canon.file(name) : name));
  };
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return text(v);
    if (typeof v === 'number') return key !== undefined && TIMES.has(key) ? canon.time(v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x, k)]));
    return v;
  };
  return h.steps.slice(from).map((s) => walk({ op: s.op, at: s.at, outcome: s.outcome, seen: s.seen, after: s.after }));
}
