// One node of the search, from the top: its operations run on a fresh world, the history
// judged by the claim's properties and every law (the property first, as the campaign does),
// and, where the node may be merged with others, the key of its state: a hash of the model's
// fingerprint and every judge's monitor summary. Runs in the main thread or in a worker; a
// spec is plain data so that both build the same evaluator.

import { createHash } from 'node:crypto';
import { inboundMessage } from '../faults/messages.ts';
import { judgeHistory } from '../harness/check.ts';
import type { ModelVariant } from '../harness/run.ts';
import type { Property, Verdict } from '../harness/property.ts';
import { withReadings, type Interpretations } from '../model/interpretations.ts';
import { parseRelease, type Release } from '../model/release.ts';
import { LAWS, property } from '../../properties/index.ts';
import { variant as variantNamed } from '../../properties/variants/index.ts';
import { fatesOf } from '../../properties/support.ts';
import { fullAlphabet, type Letter } from './alphabet.ts';
import { modelFingerprint } from './fingerprint.ts';
import { monitorOf } from './monitors/index.ts';
import { replay } from './replay.ts';

/** What decides a search's nodes: plain data. */
export interface SearchSpec {
  /** The claim explored (a claim or an invariant's ID). */
  readonly claim: string;
  /** Its properties' names. */
  readonly properties: readonly string[];
  /** The release's name ("5.0 SP0"). */
  readonly release: string;
  /** Readings other than the defaults (a variant's, or given). */
  readonly readings: Readonly<Record<string, string>>;
  /** A model variant (properties/variants) by name, or null for the faithful model. */
  readonly variant: string | null;
  /** The alphabet: letter names of the release's full alphabet, in order. */
  readonly letters: readonly string[];
  readonly depth: number;
  /** Merge nodes whose states agree (needs a monitor for every judge); false: judge every history. */
  readonly prune: boolean;
}

export type Judged = { readonly holds: true } | { readonly holds: false; readonly by: string; readonly claim: string; readonly step: number; readonly explanation: string };

export interface NodeResult {
  readonly judged: Judged;
  /** The state's key; null when it must not be merged (no pruning, or a state the fingerprint cannot read whole). */
  readonly key: string | null;
  /** The model's state alone (to count distinct model states when not pruning). */
  readonly modelKey: string | null;
  /** An exception from the model or a checker. */
  readonly error?: string;
}

export class Evaluator {
  readonly release: Release;
  readonly readings: Interpretations;
  readonly variant: ModelVariant;
  readonly letters: readonly Letter[];
  readonly judges: readonly Property[];
  /** Whether nodes are merged: asked for, and every judge has a monitor. */
  readonly prunes: boolean;
  /** Judges without a monitor (why not pruned). */
  readonly unmonitored: readonly string[];
  readonly margin: number;

  constructor(readonly spec: SearchSpec) {
    const release = parseRelease(spec.release);
    if (!release) throw new Error(`unknown release "${spec.release}"`);
    this.release = release;
    const v = spec.variant ? variantNamed(spec.variant) : undefined;
    this.readings = withReadings({ ...v?.readings, ...spec.readings });
    this.variant = v?.parts ? { parts: v.parts } : {};
    const all = fullAlphabet(release);
    this.letters = spec.letters.map((name) => {
      const l = all.find((x) => x.name === name);
      if (!l) throw new Error(`no letter "${name}" on ${spec.release}`);
      return l;
    });
    const own = spec.properties.map(property);
    this.judges = [...own, ...LAWS.filter((l) => !own.some((p) => p.name === l.name))];
    this.unmonitored = this.judges.filter((j) => monitorOf(j.name) === undefined).map((j) => j.name);
    this.prunes = spec.prune && this.unmonitored.length === 0;
    this.margin = marginFor(this.letters, spec.depth);
  }

  ops(indices: ArrayLike<number>) {
    return Array.from(indices, (i) => this.letters[i]!.op);
  }

  evaluate(indices: ArrayLike<number>): NodeResult {
    try {
      const r = replay(this.release, this.readings, this.variant, this.ops(indices));
      const judged = judge(this.judges, r.history);
      const model = modelFingerprint(r.world, r.interpreter, r.history, { margin: this.margin });
      const modelJson = JSON.stringify(model.state);
      const modelKey = hash(modelJson);
      if (!this.prunes || !model.exact || !judged.holds) return { judged, key: null, modelKey };
      const ctx = { canon: model.canon, origins: model.origins, world: r.world, fates: fatesOf(r.history) };
      const summaries = this.judges.map((j) => monitorOf(j.name)!(r.history, ctx));
      return { judged, key: hash(`${modelJson}\n${JSON.stringify(summaries)}`), modelKey };
    } catch (e) {
      return { judged: { holds: true }, key: null, modelKey: null, error: e instanceof Error ? `${e.message}` : String(e) };
    }
  }
}

function judge(judges: readonly Property[], h: Parameters<typeof judgeHistory>[1]): Judged {
  const { by, verdict } = judgeHistory(judges, h);
  if (verdict.holds) return { holds: true };
  const v = verdict as Extract<Verdict, { holds: false }>;
  return { holds: false, by, claim: v.claim, step: v.step, explanation: v.explanation };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64').slice(0, 32);
}

/**
 * Free space closer than this to 0 or to the reserve makes the disk "tight" (fingerprint.ts):
 * more than the remaining steps could write or free, each step writing or freeing at most one
 * message (and briefly one more on its way out), with message sizes measured at their largest
 * serial and clock.
 */
export function marginFor(letters: readonly Letter[], depth: number): number {
  let largest = 4096;
  for (const l of letters) {
    if (l.op.op !== 'smtp.deliver') continue;
    largest = Math.max(largest, inboundMessage(l.op, 99_999_999, 'example.com', 9_999_999_999).bytes.length);
  }
  return (depth + 2) * 2 * largest;
}
