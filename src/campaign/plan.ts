// The campaign's task list: every property on every release its claims apply to, under the
// default readings, then again under each non-default alternative of each interpretation
// (the matrix). The order is the catalogue's, and it is the "sorted" list shards split.

import { CLAIMS, INVARIANTS, releasesOf } from '../harness/claims.ts';
import { INTERPRETATIONS, INTERPRETATION_IDS, alternativesOf, type InterpretationId } from '../model/interpretations.ts';
import { releaseMatches, releaseName } from '../model/release.ts';
import type { Property } from '../harness/property.ts';
import { PROPERTIES } from '../../properties/index.ts';
import { taskSeed } from './seeds.ts';

/** A non-default reading: the matrix's tasks carry one, the main table's none. */
export interface Reading {
  readonly interpretation: InterpretationId;
  readonly alternative: string;
}

export interface Task {
  /** Unique: property, release and reading. */
  readonly id: string;
  readonly property: string;
  readonly release: string;
  readonly reading: Reading | null;
  readonly seed: number;
  readonly runs: number;
  /** A model variant from properties/variants, by name (internal: falsifiability checks). */
  readonly variant: string | null;
}

/** What decides the task list; a report carries it so that merge can rebuild the list. */
export interface CampaignSpec {
  readonly seed: number;
  readonly runs: number;
  /** Article ids ("Q146791"; "INV" for the invariants); empty: all. */
  readonly articles: readonly string[];
  /** Claim or invariant ids; empty: all. */
  readonly claims: readonly string[];
  /** Release names or versions ("5.0", "5.0 SP1"); empty: all. */
  readonly versions: readonly string[];
  readonly matrix: boolean;
  /** Matrix scope: the properties of the articles each interpretation lists, plus the invariants; or every property. */
  readonly matrixScope: 'articles' | 'all';
  readonly variant: string | null;
}

export const INVARIANT_ARTICLE = 'INV';

/** The articles a property's claims belong to ("INV" for invariants). */
export function articlesOf(p: Property): Set<string> {
  return new Set(p.claims.map((id) => CLAIMS.find((c) => c.id === id)?.article ?? INVARIANT_ARTICLE));
}

export function readingKey(r: Reading | null): string {
  return r ? `${r.interpretation}=${r.alternative}` : 'defaults';
}

function selected(p: Property, spec: CampaignSpec): boolean {
  const articles = articlesOf(p);
  if (spec.articles.length && !spec.articles.some((a) => articles.has(a))) return false;
  if (spec.claims.length && !spec.claims.some((c) => p.claims.includes(c))) return false;
  return true;
}

function tasksFor(p: Property, reading: Reading | null, spec: CampaignSpec): Task[] {
  return releasesOf(p.claims)
    .filter((r) => !spec.versions.length || spec.versions.some((v) => releaseMatches(v, r)))
    .map((r) => {
      const identity = `${p.name} @ ${releaseName(r)} [${readingKey(reading)}]`;
      return { id: identity, property: p.name, release: releaseName(r), reading, seed: taskSeed(spec.seed, identity), runs: spec.runs, variant: spec.variant };
    });
}

/** Whether an interpretation's alternatives concern the property: its articles, or an invariant. */
export function concerns(interpretation: InterpretationId, p: Property): boolean {
  const articles = articlesOf(p);
  return articles.has(INVARIANT_ARTICLE) || INTERPRETATIONS[interpretation].articles.some((a) => articles.has(a));
}

/** Selected properties marked pending (scaffolds for an article being added): listed, not run. */
export function pendingProperties(spec: CampaignSpec): Property[] {
  return PROPERTIES.filter((p) => p.pending && selected(p, spec));
}

export function planCampaign(spec: CampaignSpec): Task[] {
  const properties = PROPERTIES.filter((p) => !p.pending && selected(p, spec));
  const main = properties.flatMap((p) => tasksFor(p, null, spec));
  if (!spec.matrix) return main;
  const matrix = INTERPRETATION_IDS.flatMap((interpretation) =>
    alternativesOf(interpretation)
      .filter((alternative) => alternative !== INTERPRETATIONS[interpretation].default)
      .flatMap((alternative) => properties.filter((p) => spec.matrixScope === 'all' || concerns(interpretation, p)).flatMap((p) => tasksFor(p, { interpretation, alternative }, spec))),
  );
  return [...main, ...matrix];
}

/** "i/n": every n-th task of the list, starting at the i-th (1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function shardOf<T>(tasks: readonly T[], shard: Shard | null): T[] {
  return shard ? tasks.filter((_, k) => k % shard.count === shard.index - 1) : [...tasks];
}

/** Every id the catalogue knows, for validating --claim. */
export const CHECKED_IDS: readonly string[] = [...CLAIMS.map((c) => c.id), ...INVARIANTS.map((i) => i.id)];
