// The interpretations and the assumption ledger are complete and cited.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../src/model/assumptions.ts';
import { DEFAULT_INTERPRETATIONS, INTERPRETATIONS, INTERPRETATION_IDS, alternativesOf } from '../src/model/interpretations.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const code = [...sources('src'), ...sources('properties')].filter((p) => !p.endsWith('assumptions.ts')).map((p) => readFileSync(p, 'utf8')).join('\n');

describe('the assumption ledger', () => {
  it('has unique ids, each with a statement and a reason', () => {
    expect(new Set(ASSUMPTIONS.map((a) => a.id)).size).toBe(ASSUMPTIONS.length);
    for (const a of ASSUMPTIONS) {
      expect(a.id).toMatch(/^A-[A-Z0-9-]+$/);
      expect(a.assumption.length, a.id).toBeGreaterThan(20);
      expect(a.reason.length, a.id).toBeGreaterThan(20);
    }
  });

  it('is cited in the code for every entry, and the code cites no entry it lacks', () => {
    // Ids, not regex ranges such as [A-Z].
    const cited = new Set(code.match(/(?<![\w[^])A-[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b/g) ?? []);
    for (const a of ASSUMPTIONS) expect(cited, `${a.id} is never cited`).toContain(a.id);
    for (const id of cited) expect(ASSUMPTIONS.map((a) => a.id), `${id} is cited but not in the ledger`).toContain(id);
  });
});

describe('the interpretations', () => {
  it('each have at least two alternatives, a default among them, a reason and the articles they concern', () => {
    for (const id of INTERPRETATION_IDS) {
      const i = INTERPRETATIONS[id];
      expect(alternativesOf(id).length, id).toBeGreaterThanOrEqual(2);
      expect(alternativesOf(id), id).toContain(DEFAULT_INTERPRETATIONS[id]);
      expect(i.reason.length, id).toBeGreaterThan(20);
      expect(i.articles.length, id).toBeGreaterThan(0);
    }
  });
});
