// Every saved scenario, replayed before anything new is generated: the articles' stories must
// stay green, and a failure written down by a property run fails here until it is fixed (or
// the file removed). Files whose names start with a dot are in-flight saves and are skipped.

import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { property } from '../../properties/index.ts';
import { scenarioFiles } from '../../src/scenario/list.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { mismatchText, replay } from '../../src/scenario/replay.ts';

const DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

describe('saved scenarios replay as their files say', () => {
  for (const path of scenarioFiles(DIR)) {
    it(basename(path), () => {
      const r = replay(loadScenario(path));
      expect(r.verdict.behaves, `scenarios/${basename(path)} does not behave as the file says:\n${r.verdict.mismatches.map(mismatchText).join('\n')}`).toBe(true);
      // A story that no longer reaches a property's trigger tells nothing about that claim.
      if (r.scenario.file.origin.kind === 'story') {
        for (const name of r.scenario.file.judge.properties) expect(property(name).reached(r.history), `${name} never reaches its trigger in this story`).toBe(true);
      }
    });
  }
});
