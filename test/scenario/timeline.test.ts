// The timeline tells a history step by step for people (clock, operation in words, outcome,
// one line per observation, quoted texts in full, expectations, verdict), and gives the same
// as data for tools.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/harness/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { renderTimeline, replayTimeline, timeline } from '../../src/scenario/timeline.ts';
import { REPO, put, sample, scratch } from './helpers.ts';

const dir = scratch('timeline');
const story = replayTimeline(replay(loadScenario(join(REPO, 'scenarios/Q146791-story.json'))));
const text = renderTimeline(story);

describe('the timeline of a replayed scenario', () => {
  it('heads each step with its clock, calendar time and operation in words', () => {
    expect(text).toContain('release   4.0 SP0 (Internet Mail Connector)');
    expect(text).toContain('[5] t+47s  1999-04-05 09:00:47  agent.delete dir=in\n    An outside agent (member of Everyone) deletes a spool directory and what is in it.');
    expect(text).toContain('note: Q146791-S1: other programs leave the disk low on space.');
  });

  it('shows the SMTP dialogue, files, services, events and dialogs, texts in full', () => {
    expect(text).toContain('smtp      C: HELO remote.example');
    expect(text).toContain('smtp      S: 421 Internal Error. Connection Closing.');
    expect(text).toContain('dir       removed C:\\exchsrvr\\imcdata\\in by outside agent');
    expect(text).toContain('event     4055 MSExchangeIMC Error, category Internal Processing, record 1');
    expect(text).toMatch(/\| Unable to move file\n +\| C:\\exchsrvr\\imcdata\\work\\IMC00002\.TMP to\n +\| C:\\exchsrvr\\imcdata\\in\\IMC00002\.TMP due to system error\.\n +\| The system cannot find the path specified\./);
    expect(text).toMatch(/dialog    Control Panel Services shows:\n +\| Could not stop the Microsoft Exchange Internet Mail Connector on\n +\| \\\\EXCH01\n +\|\n +\| 0008: Not enough storage space is available\./);
    expect(text).toContain('service   MSExchangeIMC StartPending -> Running (initialised)');
    expect(text).toContain('queue     mailbox of Bob + 5.66@remote.example');
  });

  it('checks each expectation in its step, then gives the verdict', () => {
    expect(text).toContain('    ✓ expect events = [4055]');
    expect(text).toMatch(/verdict: behaves as the file says\n  ✓ Q146791-S1 low disk refuses inbound mail: holds\n/);
    expect(text).toContain('✓ 25 of 25 expectations met');
  });

  it('marks what does not match, with expected and observed', () => {
    const s = sample();
    const steps = [...s.steps];
    steps[1] = { ...steps[1]!, expect: { reply: '250 OK' } } as (typeof steps)[number];
    const t = renderTimeline(replayTimeline(replay(loadScenario(put(dir, 'wrong.json', { ...s, steps })))));
    expect(t).toContain('✗ expect reply : expected "250 OK", observed "421 Internal Error. Connection Closing."');
    expect(t).toContain('verdict: does NOT behave as the file says (1 mismatch)');
    expect(t).toContain('✗ 0 of 1 expectations met');
  });

  it('gives the same as data for tools', () => {
    const data = JSON.parse(JSON.stringify(story));
    expect(data.steps).toHaveLength(13);
    expect(data.steps[6]).toMatchObject({ index: 6, clock: 't+47s', time: '1999-04-05 09:00:47', call: 'smtp.deliver to=Bob mime=good tnef=none', outcome: { accepted: false } });
    const event = data.steps[6].observations.find((o: { label: string }) => o.label === 'event');
    expect(event.observation.entry).toMatchObject({ id: 4055, source: 'MSExchangeIMC', type: 'Error', category: 'Internal Processing' });
    expect(data.verdict.behaves).toBe(true);
  });

  it('tells any history, without a scenario file', () => {
    const h = run({ release: { version: '5.0', servicePack: 0 }, ops: [{ op: 'time.pass', seconds: 5 }, { op: 'client.logon', client: 'Mdbvu32' }] });
    const t = renderTimeline(timeline(h));
    expect(t).toContain('release   5.0 SP0 (Internet Mail Service)');
    expect(t).toContain('logon     Mdbvu32: completed');
    expect(t).not.toContain('verdict');
  });

  it('marks a property not reached with a cross and each law not reached with a dash, and ends a failing replay on a cross', () => {
    const t = renderTimeline(replayTimeline(replay(loadScenario(put(dir, 'no-steps.json', { ...sample(), steps: [] })))));
    expect(t).toContain('verdict: does NOT behave as the file says (1 mismatch)\n  ✗ Q146791-S2 missing in refuses inbound mail: not reached (its trigger never happens in this history: nothing was put to the test) (the file says: holds)\n');
    expect(t).toContain('  – INV-1 no acknowledged message is lost: not reached (its trigger never happens in this history: nothing was put to the test) (a law: need not be reached)\n');
    expect(t).toMatch(/  ✗ 0 of 0 expectations met; 1 of \d+ verdicts not as the file says\n$/);
    expect(t).not.toContain('✓');
    // Every expectation met, but a verdict not as the file says: still a cross.
    const wrong = renderTimeline(replayTimeline(replay(loadScenario(put(dir, 'says-violated.json', { ...sample(), judge: { properties: ['Q146791-S2 missing in refuses inbound mail'], verdict: 'violated', claim: 'Q146791-S2' } })))));
    expect(wrong).toMatch(/  ✗ 2 of 2 expectations met; 1 of \d+ verdicts not as the file says\n$/);
  });
});
