// The claims catalogue: every claim of every article, as data, in properties/claims.json.

import catalogue from '../../properties/claims.json' with { type: 'json' };
import { RELEASES, releaseName, type Release } from '../model/release.ts';

export type Section = 'SYMPTOMS' | 'CAUSE' | 'RESOLUTION' | 'MORE INFORMATION' | 'STATUS' | 'WORKAROUND';

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly versions: readonly string[];
}

export interface Claim {
  readonly id: string;
  readonly article: string;
  readonly section: Section;
  /** The claim in the project's own words. */
  readonly claim: string;
  /** What the article says it applies to: "4.0", "5.0", "5.5", or a level such as "5.5 SP4". */
  readonly versions: readonly string[];
  /**
   * The releases its properties run on, by name ("5.0 SP1"): listed, never implied by a
   * version, so that a level added for another article re-runs only the claims that name it.
   */
  readonly releases: readonly string[];
  /** Names of the properties that check it. */
  readonly properties: readonly string[];
}

/** A law of the model itself that holds across articles (not a claim of any article). */
export interface Invariant {
  readonly id: string;
  readonly law: string;
  readonly versions: readonly string[];
  readonly releases: readonly string[];
  readonly properties: readonly string[];
}

export const ARTICLES: readonly Article[] = catalogue.articles as Article[];
export const CLAIMS: readonly Claim[] = catalogue.claims as Claim[];
export const INVARIANTS: readonly Invariant[] = catalogue.invariants;

/** A claim or an invariant, by id. */
export function checked(id: string): Claim | Invariant {
  const c = CLAIMS.find((x) => x.id === id) ?? INVARIANTS.find((x) => x.id === id);
  if (!c) throw new Error(`no claim or invariant ${id} in properties/claims.json`);
  return c;
}

/** Releases every one of the claims is checked on, in the release table's order. */
export function releasesOf(ids: readonly string[]): Release[] {
  return RELEASES.filter((r) => ids.every((id) => checked(id).releases.includes(releaseName(r))));
}
