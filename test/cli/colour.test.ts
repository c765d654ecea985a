// Colour: on a terminal, off when the stream is not one, off for any non-empty NO_COLOR, forced
// by FORCE_COLOR (unless it is 0 or false). Colour adds escape codes and nothing else: the text
// without them is the plain text, byte for byte, and tables stay aligned.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ansi, wantsColour } from '../../src/campaign/colour.ts';
import { buildReport } from '../../src/campaign/report.ts';
import { render } from '../../src/campaign/render.ts';
import type { TaskRecord } from '../../src/campaign/records.ts';
import { envWith, tsx } from './helpers.ts';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('whether to colour', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe or a file', pipe, {}, false],
    ['a terminal, TERM=dumb', tty, { TERM: 'dumb' }, false],
    ['a terminal, NO_COLOR=1', tty, { NO_COLOR: '1' }, false],
    ['a terminal, NO_COLOR=0 (any non-empty value)', tty, { NO_COLOR: '0' }, false],
    ['a terminal, NO_COLOR empty (ignored)', tty, { NO_COLOR: '' }, true],
    ['a pipe, FORCE_COLOR=1', pipe, { FORCE_COLOR: '1' }, true],
    ['a pipe, FORCE_COLOR empty', pipe, { FORCE_COLOR: '' }, true],
    ['a terminal, FORCE_COLOR=0', tty, { FORCE_COLOR: '0' }, false],
    ['a terminal, FORCE_COLOR=false', tty, { FORCE_COLOR: 'false' }, false],
    ['a pipe, FORCE_COLOR=1 and NO_COLOR=1', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ] as const)('%s: %s', (_what, stream, env, expected) => {
    expect(wantsColour(stream, env)).toBe(expected);
  });
});

function rec(id: string, over: Partial<TaskRecord>): TaskRecord {
  const property = 'Q168139-C1 only bad headers and bad TNEF loop';
  return { id, property, release: '5.0 SP0', reading: null, seed: 1, status: 'done', runs: 5, steps: 40, reached: 3, laws: {}, violation: null, error: null, ...over };
}

describe('the campaign tables in colour', () => {
  const spec = { seed: 1, runs: 5, articles: [], claims: ['Q168139-C1'], versions: [], matrix: false, matrixScope: 'articles', variant: null } as const;
  const timings = { elapsedMs: 1000, workers: 1, stepsPerSecond: 40, tasks: {} };

  it('paints holds green, violated red, not reached and not run yellow, aligned as the plain table', () => {
    const cases = [
      [rec('a', {}), `${GREEN}holds`],
      [rec('a', { violation: { claim: 'Q168139-C1', step: 1, explanation: 'loops', seed: 1, path: '0', shrunkSteps: 2, steps: 2, scenario: 'x.json' } }), `${RED}violated`],
      [rec('a', { reached: 0 }), `${YELLOW}not reached`],
      [rec('a', { status: 'not run', runs: 0, steps: 0, reached: 0 }), `${YELLOW}not run`],
    ] as const;
    for (const [record, painted] of cases) {
      const report = buildReport(spec, null, [record], timings);
      const coloured = render(report, null, { paint: ansi });
      expect(coloured).toContain(painted);
      expect(stripVTControlCharacters(coloured)).toBe(render(report, null));
    }
  });

  it('writes no escape code unless asked', () => {
    const report = buildReport(spec, null, [rec('a', {})], timings);
    expect(render(report, null)).not.toMatch(/\x1b/);
  });
});

describe('npm run replay in colour', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ims-colour-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // A file that says a property holds on a history that never reaches its trigger: it fails.
  const failing = join(dir, 'failing.json');
  writeFileSync(failing, JSON.stringify({
    format: 'ims-harness/scenario@1', title: 'fails', version: '4.0', servicePack: 0, release: '4.0 SP0', interpretations: {},
    judge: { properties: ['Q146791-S2 missing in refuses inbound mail'], verdict: 'holds' }, origin: { kind: 'story', article: 'Q146791' }, steps: [],
  }));

  it('ends a failing replay on a cross, red when forced, plain when piped', () => {
    const piped = tsx('src/cli/replay.ts', [failing]);
    expect(piped.status).toBe(1);
    expect(piped.stdout).toMatch(/\n {2}✗ 0 of 0 expectations met; 1 of \d+ verdicts not as the file says\n$/);
    expect(piped.stdout).not.toContain('✓');
    expect(piped.stdout).not.toMatch(/\x1b/);

    const forced = tsx('src/cli/replay.ts', [failing], envWith({ FORCE_COLOR: '1' }));
    expect(forced.status).toBe(1);
    expect(forced.stdout).toMatch(new RegExp(`\\n {2}\\x1b\\[31m✗\\x1b\\[39m 0 of 0 expectations met; 1 of \\d+ verdicts not as the file says\\n$`));
    expect(forced.stdout).toContain(`${YELLOW}–`);
    expect(stripVTControlCharacters(forced.stdout)).toBe(piped.stdout);

    const refused = tsx('src/cli/replay.ts', [failing], envWith({ FORCE_COLOR: '1', NO_COLOR: '1' }));
    expect(refused.stdout).toBe(piped.stdout);
  });

  it('paints a passing replay green and never colours --json', () => {
    const forced = tsx('src/cli/replay.ts', ['scenarios/Q146791-story.json'], envWith({ FORCE_COLOR: '1' }));
    expect(forced.status).toBe(0);
    // All the story's expectations met: "N of N".
    expect(forced.stdout).toMatch(new RegExp(`\\n {2}\\x1b\\[32m✓\\x1b\\[39m (\\d+) of \\1 expectations met\\n$`));
    const json = tsx('src/cli/replay.ts', ['--json', 'scenarios/Q146791-story.json'], envWith({ FORCE_COLOR: '1' }));
    expect(json.stdout).not.toMatch(/\x1b/);
    expect(JSON.parse(json.stdout).verdict.behaves).toBe(true);
  });
});
