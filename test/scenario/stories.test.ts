// Each article tells its own story as a scenario (the regression project replays them):
// scenarios/<id>-story.json, judged by every property of the article, all holding.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, CLAIMS } from '../../src/harness/claims.ts';
import { PROPERTIES } from '../../properties/index.ts';
import { REPO } from './helpers.ts';

describe("the articles' stories", () => {
  for (const article of ARTICLES) {
    const properties = PROPERTIES.filter((p) => !p.pending && p.claims.some((id) => CLAIMS.find((c) => c.id === id)?.article === article.id));
    it.skipIf(properties.length === 0)(`${article.id} has its story, judged by all its properties`, () => {
      const path = join(REPO, 'scenarios', `${article.id}-story.json`);
      expect(existsSync(path), `${path} is missing`).toBe(true);
      const file = JSON.parse(readFileSync(path, 'utf8'));
      expect(file.origin).toEqual({ kind: 'story', article: article.id });
      expect(file.judge.verdict).toBe('holds');
      expect([...file.judge.properties].sort()).toEqual(properties.map((p) => p.name).sort());
      expect(file.steps.filter((s: { note?: string }) => s.note).length).toBeGreaterThan(3);
    });
  }
});
