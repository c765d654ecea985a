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

/** Ids no article in the catalogue uses, so that these tests hold after a user has added articles. */
const taken = new Set((JSON.parse(readFileSync(claimsPath, 'utf8')).articles as { id: string }[]).map((a) => a.id));
const unused = (from: number): string => {
  for (let n = from; ; n++) if (!taken.has(`Q${n}`)) return `Q${n}`;
};
const ID = unused(123456);
const OTHER = unused(999000);

function newArticle(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main([...args, '--root', root], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** The copy's properties/ as it is now, to show nothing changed. */
function state(): string {
  return (readdirSync(join(root, 'properties'), { recursive: true }) as string[]).sort().map((n) => (n.endsWith('.json') || n.endsWith('.ts') ? `${n}:${readFileSync(join(root, 'properties', n), 'utf8')}` : n)).join('\n');
}

describe('new-article', () => {
  it('refuses a bad id, an article already there and a missing title, changing nothing', () => {
    const before = state();
    for (const [args, why] of [
      [['Q12345', 'Short id'], /bad KB id "Q12345": expected Q and six digits/],
      [['KB123456', 'Wrong prefix'], /bad KB id/],
      [['Q146791', 'Again'], /Q146791 is already in the catalogue \("XFOR: IMC Cannot Receive Message with Missing Folder"\)/],
      [[ID], new RegExp(`no title given for ${ID}`)],
      [[ID, '  '], /no title given/],
      [[ID, 'Title', '--versions', '6.0'], /unknown version "6\.0"/],
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
    writeFileSync(indexPath, index.replace('const ARTICLES', 'const OTHERS'));
    const before = state();
    const r = newArticle(OTHER, 'XFOR: Something');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/properties\/index\.ts has no ARTICLES list/);
    expect(state()).toBe(before);
    expect((readdirSync(join(root, 'properties'), { recursive: true }) as string[]).filter((n) => /(^|\/)\./.test(n))).toEqual([]);
    writeFileSync(indexPath, index);
  });

  it('adds the article, its placeholder claims and a pending property each that compiles, loads and is registered', () => {
    const claimsBefore = readFileSync(claimsPath, 'utf8');
    const indexBefore = readFileSync(indexPath, 'utf8');
    const lastArticle = (JSON.parse(claimsBefore).articles as { id: string }[]).at(-1)!.id;
    const lastListed = /const ARTICLES[^=]*= \[[^\]]*\.\.\.(Q\d{6})\];/.exec(indexBefore)![1];
    const r = newArticle(ID, 'XFOR: A "New" Problem', '--versions', '5.0,5.5');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`added ${ID} "XFOR: A \\"New\\" Problem" (5.0, 5.5)`);
    const claims = readFileSync(claimsPath, 'utf8');
    const catalogue = JSON.parse(claims);
    expect(catalogue.articles.at(-1)).toEqual({ id: ID, title: 'XFOR: A "New" Problem', versions: ['5.0', '5.5'] });
    const added = catalogue.claims.filter((c: { article: string }) => c.article === ID);
    expect(added.map((c: { id: string; section: string }) => `${c.id} ${c.section}`)).toEqual([`${ID}-S1 SYMPTOMS`, `${ID}-C1 CAUSE`, `${ID}-R1 RESOLUTION`]);
    for (const c of added) expect(c).toMatchObject({ claim: expect.stringMatching(/^TODO: /), versions: ['5.0', '5.5'], properties: [expect.stringMatching(new RegExp(`^${c.id} `))] });
    // What was there is kept byte for byte; the new entries are two-space JSON like the rest.
    const restored = claims.replace(new RegExp(`,\\n    \\{ "id": "${ID}"[^\\n]*`), '').replace(new RegExp(`,\\n    \\{\\n      "id": "${ID}-S1"[^]*?(?=\\n  \\],\\n  "invariants")`), '');
    expect(restored).toBe(claimsBefore);
    // The new article follows the last one there.
    expect(claims).toMatch(new RegExp(`\\{ "id": "${lastArticle}"[^\\n]*\\},\\n    \\{ "id": "${ID}",`));
    expect(claims).toContain(`    {\n      "id": "${ID}-S1", "article": "${ID}", "section": "SYMPTOMS",\n      "claim": "TODO: `);
    expect(readFileSync(indexPath, 'utf8')).toContain(`import { PROPERTIES as ${ID} } from './${ID}.ts';`);
    expect(readFileSync(indexPath, 'utf8')).toContain(`...${lastListed}, ...${ID}];`);
    expect(readFileSync(join(root, `properties/${ID}.ts`), 'utf8')).toContain('test/falsifiability.test.ts requires a variant');
    // Its texts and variants files, empty, each imported in its index after the last article's.
    for (const [dir, binding, list] of [['texts', 'EVENTS', 'EXPECTED_EVENTS'], ['variants', 'VARIANTS', 'VARIANTS']] as const) {
      const index = readFileSync(join(root, `properties/${dir}/index.ts`), 'utf8');
      expect(index).toContain(`import { ${binding} as ${ID} } from './${ID}.ts';`);
      expect(index).toMatch(new RegExp(`const ${list}\\b[^=]*= \\[[^\\]]*, \\.\\.\\.${ID}\\];`));
      expect(readFileSync(join(root, `properties/${dir}/${ID}.ts`), 'utf8')).toContain(`export const ${binding}: readonly`);
    }
    expect(newArticle(ID, 'Twice').err).toMatch(new RegExp(`${ID} is already in the catalogue`));

    // The generated TypeScript compiles and loads, registered, its properties pending.
    expect(existsSync(join(root, `properties/${ID}.ts`))).toBe(true);
    const load = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'test/scenario/fixtures/loadArticle.ts'), root, ID], { cwd: REPO, encoding: 'utf8' });
    expect(load.status, load.stderr).toBe(0);
    const report = JSON.parse(load.stdout);
    expect(report.texts).toBe(report.textsBefore);
    expect(report.variants).toBe(report.variantsBefore);
    expect(report.mine.map((p: { name: string }) => p.name)).toEqual([`${ID}-S1 TODO symptoms`, `${ID}-C1 TODO cause`, `${ID}-R1 TODO resolution`]);
    for (const p of report.mine) expect(p).toMatchObject({ pending: true, verdict: { holds: true }, reached: false });
  });
});
