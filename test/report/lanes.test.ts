// The timeline picture as data: each observation in exactly one lane, the places a person
// looks for always there, rows that never reorder what happened, lane states after each step
// that agree with the model's snapshot, and the verdict's witness steps.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { picture } from '../../src/report/lanes.ts';
import { witnessesOf } from '../../src/report/timeline.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { replayTimeline } from '../../src/scenario/timeline.ts';

const REPO = join(import.meta.dirname, '..', '..');
const STORIES = readdirSync(join(REPO, 'scenarios')).filter((f) => f.endsWith('-story.json')).sort();

describe('the timeline picture', () => {
  it.each(STORIES)('%s: places every observation once, in order, in rows that keep the order', (file) => {
    const r = replay(loadScenario(join(REPO, 'scenarios', file)));
    const t = replayTimeline(r);
    const p = picture(r.history, t);
    const keys = p.lanes.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['remote:remote.example', 'spool:work', 'spool:in', 'spool:out', 'queue:MTS-IN', 'queue:MTS-OUT', 'eventlog', ...Object.keys(r.history.initial.services).map((s) => `service:${s}`)]) {
      expect(keys).toContain(k);
    }
    expect(p.blocks.length).toBe(t.steps.length + 1);
    for (const [k, b] of p.blocks.entries()) {
      const observations = k === 0 ? t.setup.observations : t.steps[k - 1]!.observations;
      const placed = b.rows.flatMap((row) => keys.flatMap((key) => row.cells.get(key) ?? []));
      // Row by row, lane by lane, the numbers are those of the step, each once, and a row starts after the last one ended.
      expect(placed.map((x) => x.seq).sort((a, c) => a - c)).toEqual(observations.map((_, j) => j + 1));
      let last = 0;
      for (const row of b.rows) {
        const seqs = [...row.cells.values()].flat().map((x) => x.seq);
        if (!seqs.length) continue;
        expect(Math.min(...seqs)).toBeGreaterThan(last);
        last = Math.max(...seqs);
        for (const x of [...row.cells.values()].flat()) expect(x.clock).toBe(row.clock);
      }
      for (const x of placed) expect(keys).toContain(x.lane);
    }
  });

  it.each(STORIES)("%s: after each step, the lanes' states are the snapshot's", (file) => {
    const r = replay(loadScenario(join(REPO, 'scenarios', file)));
    const p = picture(r.history, replayTimeline(r));
    for (const b of p.blocks.slice(1)) {
      const after = r.history.steps[b.step!.index]!.after;
      const states = b.rows[b.rows.length - 1]!.states;
      for (const [service, state] of Object.entries(after.services)) expect(states.get(`service:${service}`)?.words).toBe(state);
      for (const [dir, exists] of Object.entries(after.spool)) expect(states.get(`spool:${dir}`)?.words).toBe(exists ? 'exists' : 'missing');
      expect(states.get('queue:MTS-IN')?.words).toBe(`${after.queues['MTS-IN']} waiting`);
      expect(states.get('queue:MTS-OUT')?.words).toBe(`${after.queues['MTS-OUT']} waiting`);
    }
  });

  it('names no witness step for a story that behaves, and the violation and mismatch steps otherwise', () => {
    const r = replay(loadScenario(join(REPO, 'scenarios', 'Q146791-story.json')));
    expect(witnessesOf(r.verdict)).toEqual([]);
    const wrong = {
      ...r.verdict,
      judgements: [{ ...r.verdict.judgements[0]!, verdict: { holds: false as const, claim: 'Q146791-S1', step: 3, explanation: 'x' }, met: false }],
      mismatches: [
        { step: 3, field: 'judge: Q146791-S1', expected: 'holds', observed: 'violated' },
        { step: 1, field: 'reply', expected: '250 OK', observed: '421' },
      ],
    };
    expect(witnessesOf(wrong).map((w) => [w.step, w.kind])).toEqual([[1, 'mismatch'], [3, 'violation']]);
  });
});
