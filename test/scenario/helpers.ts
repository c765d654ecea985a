// Shared by the scenario tests: a scratch directory, a small valid scenario to break in
// different ways, and loading that proves the file was left exactly as it was.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { FORMAT, type ScenarioFile } from '../../src/scenario/format.ts';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.ts';
import { ScenarioError } from '../../src/scenario/problems.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A scratch directory for this test file, removed afterwards. */
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ims-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function sample(): ScenarioFile {
  return {
    $schema: './scenario.schema.json',
    format: FORMAT,
    title: 'a small scenario',
    version: '4.0',
    servicePack: 0,
    release: '4.0 SP0',
    interpretations: {},
    judge: { properties: ['Q146791-S2 missing in refuses inbound mail'], verdict: 'holds' },
    origin: { kind: 'story', article: 'Q146791' },
    steps: [
      { op: 'agent.delete', dir: 'in', note: 'in goes' },
      { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none', expect: { accepted: false, events: [4055] } },
      { op: 'disk.fill', freeBytes: 1048576 },
    ],
  };
}

/** Writes `text` (or a scenario as saved files are written) to `dir/name`. */
export function put(dir: string, name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

/** Loads, and checks the file's bytes and modification time are what they were before. */
export function loadUntouched(path: string): LoadedScenario | ScenarioError {
  const before = snapshotOf(path);
  let result: LoadedScenario | ScenarioError;
  try {
    result = loadScenario(path);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    result = e;
  }
  expect(snapshotOf(path), `${path} was changed by loading`).toEqual(before);
  return result;
}

/** The loader's message for a file it must refuse. */
export function refusal(path: string): string {
  const r = loadUntouched(path);
  if (!(r instanceof ScenarioError)) throw new Error(`${path} loaded, but should have been refused`);
  return r.message;
}

function snapshotOf(path: string): { exists: boolean; bytes?: string; mtimeMs?: number } {
  try {
    const s = statSync(path);
    return s.isFile() ? { exists: true, bytes: readFileSync(path).toString('base64'), mtimeMs: s.mtimeMs } : { exists: true, mtimeMs: s.mtimeMs };
  } catch {
    return { exists: false };
  }
}
