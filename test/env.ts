// The environment npm test reads, checked: a bad value is an error naming the variable and what
// it should be, not a misleading failure further on.
//
//   IMS_SEED        fast-check's seed for every property (a whole number; default 20261121)
//   IMS_RUNS        generated runs per property and release (a whole number from 1; default 100)
//   IMS_SCENARIOS   where a failure is saved as a regression case: unset, scenarios/; a
//                   directory, there; `none`, nowhere (the failure is neither reduced nor saved)
//   IMS_ONLY        "<property> @ <release>": run that one check alone (e.g. to replay it)
//   IMS_PATH        fast-check's replay path for IMS_ONLY's counterexample (needs IMS_ONLY)

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 20261121;
export const DEFAULT_RUNS = 100;

export interface TestEnv {
  readonly seed: number;
  readonly runs: number;
  /** Where failures are saved; null: nowhere. */
  readonly scenarios: string | null;
  readonly only?: { readonly property: string; readonly release: string };
  readonly path?: string;
}

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

function whole(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
    throw new EnvError(`${name}=${JSON.stringify(text)}: expected a whole number${min > 0 ? ` from ${min}` : ''}`);
  }
  return Number(text);
}

export function testEnv(env: NodeJS.ProcessEnv = process.env): TestEnv {
  const seed = whole('IMS_SEED', env.IMS_SEED, DEFAULT_SEED, 0);
  const runs = whole('IMS_RUNS', env.IMS_RUNS, DEFAULT_RUNS, 1);
  const where = env.IMS_SCENARIOS;
  const scenarios = where === 'none' ? null : where ? resolve(where) : fileURLToPath(new URL('../scenarios', import.meta.url));
  let only: TestEnv['only'];
  if (env.IMS_ONLY) {
    const m = /^(.+?) @ (.+)$/.exec(env.IMS_ONLY);
    if (!m) throw new EnvError(`IMS_ONLY=${JSON.stringify(env.IMS_ONLY)}: expected "<property> @ <release>", e.g. "Q146791-S1 low disk refuses inbound mail @ 4.0 SP0"`);
    only = { property: m[1]!, release: m[2]! };
  }
  if (env.IMS_PATH && !only) throw new EnvError('IMS_PATH needs IMS_ONLY: a replay path belongs to one property on one release');
  if (env.IMS_PATH && !/^\d+(:\d+)*$/.test(env.IMS_PATH)) throw new EnvError(`IMS_PATH=${JSON.stringify(env.IMS_PATH)}: expected fast-check's path, numbers separated by colons`);
  return { seed, runs, scenarios, ...(only ? { only } : {}), ...(env.IMS_PATH ? { path: env.IMS_PATH } : {}) };
}

/** The one command that reruns exactly this check and goes straight to its counterexample. */
export function rerunCommand(property: string, release: string, seed: number, path: string): string {
  return `IMS_SEED=${seed} IMS_ONLY='${`${property} @ ${release}`.replace(/'/g, "'\\''")}' IMS_PATH=${path} npx vitest run test/properties/${release.split(' ')[0]}.test.ts`;
}

/** What npm test prints when it saves a counterexample: loud, so that nobody commits one by accident. */
export function savedNotice(path: string): string {
  const lines = [
    `A NEW REGRESSION CASE WAS SAVED: ${path}`,
    'It is replayed first by every later npm test, and fails there until the model or the',
    'checker is fixed or the file is removed. Commit it only if you mean to keep it as a',
    'regression case (IMS_SCENARIOS=none runs without saving).',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '!'.repeat(width + 4);
  return [rule, ...lines.map((l) => `! ${l.padEnd(width)} !`), rule].join('\n');
}
