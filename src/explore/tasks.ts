// What an exploration covers: each selected claim (or invariant) on each release it is checked
// on, with the properties that check it, and the alphabet for it there: the letters its
// properties' scenarios produce (alphabet.ts), or all of them, optionally restricted.

import { CLAIMS, INVARIANTS, checked } from '../harness/claims.ts';
import { RELEASES, parseRelease, releaseMatches, releaseName } from '../model/release.ts';
import { withReadings } from '../model/interpretations.ts';
import { property } from '../../properties/index.ts';
import { variant as variantNamed } from '../../properties/variants/index.ts';
import { fullAlphabet, restrict, scenarioAlphabet } from './alphabet.ts';
import type { SearchSpec } from './evaluate.ts';

export const INVARIANT_ARTICLE = 'INV';

export interface Selection {
  /** Claim or invariant IDs; with `articles` and `all`, what is explored. */
  readonly claims: readonly string[];
  /** Article IDs (INV: the invariants). */
  readonly articles: readonly string[];
  readonly all: boolean;
  /** Versions or levels; empty: every release a claim is checked on. */
  readonly versions: readonly string[];
}

export interface AlphabetChoice {
  /** `scenario`: the letters the claim's properties' scenarios produce; `full`: every letter for the release. */
  readonly alphabet: 'scenario' | 'full';
  /** Keep only these letters or operations (empty: no restriction). */
  readonly only: readonly string[];
}

/** The claims selected, in the catalogue's order (claims, then invariants). */
export function selectedClaims(s: Selection): string[] {
  const ids = [...CLAIMS.map((c) => ({ id: c.id, article: c.article })), ...INVARIANTS.map((i) => ({ id: i.id, article: INVARIANT_ARTICLE }))];
  return ids.filter((c) => s.all || s.claims.includes(c.id) || s.articles.includes(c.article)).map((c) => c.id);
}

/** The releases a claim is checked on, as selected. */
export function releasesFor(claim: string, versions: readonly string[]): string[] {
  return checked(claim).releases.filter((name) => {
    const r = parseRelease(name);
    return r !== undefined && (!versions.length || versions.some((v) => releaseMatches(v, r)));
  });
}

export interface TaskSpecOptions {
  readonly depth: number;
  readonly prune: boolean;
  readonly variant: string | null;
  readonly readings: Readonly<Record<string, string>>;
  readonly alphabet: AlphabetChoice;
}

export function taskSpec(claim: string, release: string, o: TaskSpecOptions): SearchSpec {
  const properties = checked(claim).properties;
  const r = parseRelease(release)!;
  const v = o.variant ? variantNamed(o.variant) : undefined;
  const readings = withReadings({ ...v?.readings, ...o.readings });
  const base = o.alphabet.alphabet === 'full' ? fullAlphabet(r) : scenarioAlphabet(properties.map(property), r, readings);
  const letters = o.alphabet.only.length ? restrict(base, o.alphabet.only) : base;
  return { claim, properties, release, readings: o.readings, variant: o.variant, letters: letters.map((l) => l.name), depth: o.depth, prune: o.prune };
}

/** Every letter name on any release, and every operation name: what --only may name. */
export function knownLetters(): Set<string> {
  return new Set(RELEASES.flatMap((r) => fullAlphabet(r).flatMap((l) => [l.name, l.op.op])));
}

export { releaseName };
