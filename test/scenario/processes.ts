// Real processes for the saving tests: started by Node (test/bin.ts; and, to be killed at a chosen point
// of a write, fixtures/pause.ts), raced from a barrier, killed where they paused.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { isTemporary } from '../../src/scenario/temporaries.ts';
import { importArg, nodeArgs } from '../bin.ts';
import { REPO } from './helpers.ts';

export const CHILD = join(REPO, 'test/scenario/fixtures/saveChild.ts');
const PAUSE = pathToFileURL(importArg('test/scenario/fixtures/pause.ts')).href;

export interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

/** A node process running `[script, ...rest]` (test/bin.ts; and the pause fixture, given PAUSE_AT); `ended` when it has exited and been reaped. */
export function start([script, ...rest]: readonly string[], pauseAt?: { point: string; mark: string }) {
  const env = { ...process.env, ...(pauseAt ? { PAUSE_AT: pauseAt.point, PAUSE_MARK: pauseAt.mark } : {}) };
  const p = spawn(process.execPath, [...(pauseAt ? ['--import', PAUSE] : []), ...nodeArgs(script!), ...rest], { cwd: REPO, env });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const ended = new Promise<Ended>((resolve) => p.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { p, ended };
}

export async function waitFor(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  for (const until = Date.now() + ms; !test(); ) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts `n` savers that wait at a barrier (ready-<pid> and go files in `barrier`), lets them go together, and gives each one's printed paths. */
export async function race(barrier: string, n: number, args: readonly string[]): Promise<string[][]> {
  const up = barrier;
  const children = Array.from({ length: n }, () => start([CHILD, ...args]));
  await waitFor(() => readdirSync(up).filter((f) => f.startsWith('ready-')).length === n, 'the savers to be ready');
  writeFileSync(join(up, 'go'), '');
  const ended = await Promise.all(children.map((c) => c.ended));
  for (const e of ended) expect(e.code, e.err).toBe(0);
  return ended.map((e) => e.out.trim().split('\n'));
}

/** Kills (SIGKILL) a process where fixtures/pause.ts stopped it, once it has. */
export async function killAt(args: readonly string[], point: string, mark: string): Promise<void> {
  const c = start(args, { point, mark });
  await waitFor(() => {
    try {
      return JSON.parse(readFileSync(mark, 'utf8')).point === point;
    } catch {
      return false;
    }
  }, `the process to pause at ${point}`);
  c.p.kill('SIGKILL');
  expect((await c.ended).signal).toBe('SIGKILL');
}

/** The in-flight temporaries (a save's or an atomic write's) in a directory. */
export function temporaries(dir: string): string[] {
  return readdirSync(dir).filter(isTemporary);
}
