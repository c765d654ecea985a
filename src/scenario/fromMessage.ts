// "What would this real message do to a 5.0 SP0 store?": a small scenario built around a
// message file, never written anywhere. The server installed on the release, with the readings
// asked for; the message delivered by SMTP as it is; time passing; a user logging on. It is
// judged by every property of the release whose trigger the history reaches (a property whose
// trigger is not reached has nothing to say about this message), and by the laws.

import { basename } from 'node:path';
import type { Op } from '../faults/operations.ts';
import { releasesOf } from '../harness/claims.ts';
import { run } from '../harness/run.ts';
import type { Interpretations } from '../model/interpretations.ts';
import { releaseName, type Release } from '../model/release.ts';
import type { Known } from './checks.ts';
import { FORMAT, type ScenarioFile } from './format.ts';
import { KNOWN, type LoadedScenario } from './load.ts';
import { judge, type Replay } from './replay.ts';

export interface MessageQuestion {
  /** The message file, as the user named it. */
  readonly path: string;
  readonly bytes: Buffer;
  readonly release: Release;
  /** Every reading (the defaults, and those asked for). */
  readonly readings: Interpretations;
  /** Whom the remote host names in RCPT TO. */
  readonly to: string;
  /** Seconds that pass after the delivery, before the logon. */
  readonly wait: number;
}

/** Seconds that pass by default: the A-FLOW minute, in which an accepted message that nothing holds up reaches its mailbox. */
export const DEFAULT_WAIT = 60;

/** The scenario, judged by nothing yet. */
export function messageScenario(q: MessageQuestion): LoadedScenario {
  const release = releaseName(q.release);
  const ops: Op[] = [
    { op: 'smtp.deliver', to: q.to, message: { base64: q.bytes.toString('base64') } },
    { op: 'time.pass', seconds: q.wait },
    { op: 'client.logon', client: 'Exchange Client' },
  ];
  const notes = [
    `The message in ${q.path}, sent as it is.`,
    `${q.wait} s pass: the connector hands what it took to the store, and the MTA delivers what the store converted.`,
    'A user logs on with Exchange Client.',
  ];
  const file: ScenarioFile = {
    format: FORMAT,
    title: `${basename(q.path)}, delivered by SMTP to ${q.to} on ${release}`,
    version: q.release.version,
    servicePack: q.release.servicePack,
    release,
    interpretations: { ...q.readings },
    judge: { properties: [], verdict: 'holds' },
    origin: { kind: 'message', file: q.path },
    steps: ops.map((op, i) => ({ ...(op.op === 'smtp.deliver' ? { ...op, message: { file: q.path } } : op), note: notes[i] }) as ScenarioFile['steps'][number]),
  };
  return { path: q.path, file, release: q.release, readings: q.readings, ops, expectations: ops.map(() => undefined) };
}

/** Replays it, and judges it by the release's properties that the history reaches (holds expected), and the laws. */
export function replayMessage(q: MessageQuestion, known: Known = KNOWN): Replay {
  const scenario = messageScenario(q);
  const history = run({ release: scenario.release, readings: scenario.readings, ops: scenario.ops });
  const name = releaseName(q.release);
  const laws = new Set(known.laws ?? []);
  const properties = known.properties.filter((p) => !laws.has(p) && !p.pending && releasesOf(p.claims).some((r) => releaseName(r) === name) && p.reached(history));
  const judged = { ...scenario, file: { ...scenario.file, judge: { properties: properties.map((p) => p.name), verdict: 'holds' as const } } };
  return { scenario: judged, history, verdict: judge(judged, history, known) };
}
