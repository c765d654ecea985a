import { describe, expect, it } from 'vitest';
import { ARTICLES, CLAIMS, INVARIANTS, releasesOf } from '../src/harness/claims.ts';
import { RELEASES, VERSIONS, parseRelease, releaseMatches, releaseName } from '../src/model/release.ts';
import { PROPERTIES } from '../properties/index.ts';

const SECTIONS = ['SYMPTOMS', 'CAUSE', 'RESOLUTION', 'MORE INFORMATION', 'STATUS', 'WORKAROUND'];
const known = new Set([...CLAIMS.map((c) => c.id), ...INVARIANTS.map((i) => i.id)]);

describe('the claims catalogue', () => {
  it('has the five articles (and any being added), each with claims', () => {
    expect(ARTICLES.map((a) => a.id)).toEqual(expect.arrayContaining(['Q146791', 'Q168139', 'Q183178', 'Q231737', 'Q246115']));
    expect(new Set(ARTICLES.map((a) => a.id)).size).toBe(ARTICLES.length);
    for (const a of ARTICLES) expect(a.id).toMatch(/^Q\d{6}$/);
    for (const a of ARTICLES) expect(CLAIMS.filter((c) => c.article === a.id).length, a.id).toBeGreaterThan(0);
  });

  it('names each claim after its article and section, once', () => {
    expect(new Set(known).size).toBe(CLAIMS.length + INVARIANTS.length);
    for (const c of CLAIMS) {
      expect(SECTIONS, c.id).toContain(c.section);
      expect(c.id.startsWith(`${c.article}-${c.section[0]}`) || (c.section === 'STATUS' && c.id.startsWith(`${c.article}-T`)), c.id).toBe(true);
      expect(c.claim.length, c.id).toBeGreaterThan(20);
    }
  });

  it('gives every claim versions its article applies to', () => {
    const names = new Set([...VERSIONS, ...RELEASES.map(releaseName)]);
    for (const c of CLAIMS) {
      const article = ARTICLES.find((a) => a.id === c.article)!;
      for (const v of c.versions) {
        expect(names, `${c.id}: ${v}`).toContain(v);
        expect(article.versions, `${c.id}: ${v}`).toContain(v.split(' ')[0]);
      }
    }
  });

  it('lists the releases each claim and law is checked on, each a release of the table that its versions cover', () => {
    const names = RELEASES.map(releaseName);
    for (const c of [...CLAIMS, ...INVARIANTS]) {
      expect(c.releases.length, c.id).toBeGreaterThan(0);
      expect(new Set(c.releases).size, c.id).toBe(c.releases.length);
      for (const r of c.releases) {
        expect(names, `${c.id}: ${r}`).toContain(r);
        expect(c.versions.some((v) => releaseMatches(v, parseRelease(r)!)), `${c.id}: ${r} is not among its versions ${c.versions.join(', ')}`).toBe(true);
      }
    }
  });

  it('has at least one property for every claim and invariant', () => {
    for (const id of known) expect(PROPERTIES.filter((p) => p.claims.includes(id)).map((p) => p.name), id).not.toEqual([]);
  });

  it('names no claim that does not exist in a property', () => {
    for (const p of PROPERTIES) for (const id of p.claims) expect(known, p.name).toContain(id);
  });

  it('lists, for each claim, exactly the properties that say they check it', () => {
    for (const c of [...CLAIMS, ...INVARIANTS]) {
      expect([...c.properties].sort(), c.id).toEqual(PROPERTIES.filter((p) => p.claims.includes(c.id)).map((p) => p.name).sort());
    }
  });

  it('has unique property names, each starting with a claim it checks, each on at least one release', () => {
    expect(new Set(PROPERTIES.map((p) => p.name)).size).toBe(PROPERTIES.length);
    for (const p of PROPERTIES) {
      expect(p.claims.some((id) => p.name.startsWith(`${id} `)), p.name).toBe(true);
      expect(releasesOf(p.claims).length, p.name).toBeGreaterThan(0);
    }
  });
});
