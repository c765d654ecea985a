// npm run new-article adds an article's placeholder claims, a property file whose pending
// properties compile and load, and their registration; it refuses a bad id, an article
// already there or a missing title, and never leaves half a change. It runs against a
// temporary copy of the repository's properties/ (--root).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/newArticle.ts';
import { REPO, scratch } from './helpers.ts';

const root = scratch('article');
cpSync(join(REPO, 'properties'), join(root, 'properties'), { recursive: true });
for (const f of ['package.json', 'tsconfig.json']) cpSync(join(REPO, f), join(root, f));
for (const d of ['src', 'node_modules']) symlinkSync(join(REPO, d), join(root, d));
const claimsPath = join(root, 'properties/claims.json');
const indexPath = join(root, 'properties/index.ts');

function newArticle(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main([...args, '--root', root], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** The copy's properties/ as it is now, to show nothing changed. */
function state(): string {
  return readdirSync(join(root, 'properties')).sort().map((n) => (n.endsWith('.json') || n.endsWith('.ts') ? `${n}:${readFileSync(join(root, 'properties', n), 'utf8')}` : n)).join('\n');
}

describe('new-article', () => {
  it('refuses a bad id, an article already there and a missing title, changing nothing', () => {
    const before = state();
    for (const [args, why] of [
      [['Q12345', 'Short id'], /bad KB id "Q12345": expected Q and six digits/],
      [['KB123456', 'Wrong prefix'], /bad KB id/],
      [['Q146791', 'Again'], /Q146791 is already in the catalogue \("XFOR: IMC Cannot Receive Message with Missing Folder"\)/],
      [['Q123456'], /no title given for Q123456/],
      [['Q123456', '  '], /no title given/],
      [['Q123456', 'Title', '--versions', '6.0'], /unknown version "6\.0"/],
      [[], /no KB id given/],
    ] as const) {
      const r = newArticle(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.err).toContain('usage: npm run new-article');
    }
    expect(state()).toBe(before);
  });

  it('writes nothing when one of the files cannot be changed', () => {
    const index = readFileSync(indexPath, 'utf8');
    writeFileSync(indexPath, index.replace('...INVARIANTS]', '...OTHERS]'));
    const before = state();
    const r = newArticle('Q999999', 'XFOR: Something');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/properties\/index\.ts has no PROPERTIES list/);
    expect(state()).toBe(before);
    expect(readdirSync(join(root, 'properties')).filter((n) => n.startsWith('.'))).toEqual([]);
    writeFileSync(indexPath, index);
  });

  it('adds the article, its placeholder claims and a pending property each that compiles, loads and is registered', () => {
    const claimsBefore = readFileSync(claimsPath, 'utf8');
    const r = newArticle('Q123456', 'XFOR: A "New" Problem', '--versions', '5.0,5.5');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('added Q123456 "XFOR: A \\"New\\" Problem" (5.0, 5.5)');
    const claims = readFileSync(claimsPath, 'utf8');
    const catalogue = JSON.parse(claims);
    expect(catalogue.articles.at(-1)).toEqual({ id: 'Q123456', title: 'XFOR: A "New" Problem', versions: ['5.0', '5.5'] });
    const added = catalogue.claims.filter((c: { article: string }) => c.article === 'Q123456');
    expect(added.map((c: { id: string; section: string }) => `${c.id} ${c.section}`)).toEqual(['Q123456-S1 SYMPTOMS', 'Q123456-C1 CAUSE', 'Q123456-R1 RESOLUTION']);
    for (const c of added) expect(c).toMatchObject({ claim: expect.stringMatching(/^TODO: /), versions: ['5.0', '5.5'], properties: [expect.stringMatching(new RegExp(`^${c.id} `))] });
    // What was there is kept byte for byte; the new entries are two-space JSON like the rest.
    const restored = claims.replace(/,\n    \{ "id": "Q123456"[^\n]*/, '').replace(/,\n    \{\n      "id": "Q123456-S1"[^]*?(?=\n  \],\n  "invariants")/, '');
    expect(restored).toBe(claimsBefore);
    expect(claims).toContain('    { "id": "Q168139", "title": "XFOR: IMS Inbound Mail Communication Problem", "versions": ["5.0"] },\n    { "id": "Q123456",');
    expect(claims).toContain('    {\n      "id": "Q123456-S1", "article": "Q123456", "section": "SYMPTOMS",\n      "claim": "TODO: ');
    expect(readFileSync(indexPath, 'utf8')).toContain("import { PROPERTIES as Q123456 } from './Q123456.ts';");
    expect(readFileSync(indexPath, 'utf8')).toContain('...Q168139, ...Q123456, ...INVARIANTS]');
    expect(readFileSync(join(root, 'properties/Q123456.ts'), 'utf8')).toContain('test/falsifiability.test.ts requires a variant');
    expect(newArticle('Q123456', 'Twice').err).toMatch(/Q123456 is already in the catalogue/);

    // The generated TypeScript compiles and loads, registered, its properties pending.
    expect(existsSync(join(root, 'properties/Q123456.ts'))).toBe(true);
    const load = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'test/scenario/fixtures/loadArticle.ts'), root, 'Q123456'], { cwd: REPO, encoding: 'utf8' });
    expect(load.status, load.stderr).toBe(0);
    const report = JSON.parse(load.stdout);
    expect(report.mine.map((p: { name: string }) => p.name)).toEqual(['Q123456-S1 TODO symptoms', 'Q123456-C1 TODO cause', 'Q123456-R1 TODO resolution']);
    for (const p of report.mine) expect(p).toMatchObject({ pending: true, verdict: { holds: true }, reached: false });
  });
});
