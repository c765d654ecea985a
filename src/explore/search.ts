// Breadth-first search over every sequence of the alphabet's letters up to a depth, from the
// installed server. Level by level, so the first violation found is a shortest one; within a
// level in a fixed order (the frontier's, then the alphabet's), so the same spec finds the same
// one. Every node's history is judged. With pruning, a node whose state (the model's
// fingerprint and every judge's monitor summary) was met before is not expanded again: the
// histories below it are judged as those below the first one. Without pruning every sequence
// is a node of its own (the frontier of a level is then all sequences of that length, counted
// off rather than stored).

import { type Judged, type NodeResult, type SearchSpec } from './evaluate.ts';
import { inlinePool, processPool, type NodePool } from './pool.ts';

export interface LevelStats {
  readonly depth: number;
  /** Histories of this length judged. */
  readonly histories: number;
  /** Of them, states met for the first time (expanded at the next level). With pruning only. */
  readonly newStates: number | null;
  readonly ms: number;
}

export interface Counterexample {
  /** Letter indices. */
  readonly letters: readonly number[];
  readonly judged: Extract<Judged, { holds: false }>;
}

export interface SearchResult {
  /** Every history of at most this many steps was judged, and held. */
  readonly verifiedDepth: number;
  readonly stopped: 'depth' | 'budget' | 'violation' | 'error' | 'exhausted';
  readonly pruned: boolean;
  /** Histories judged (the empty one included). */
  readonly histories: number;
  /** Distinct states met: with pruning, the states kept (model and monitors); without, the model's alone. */
  readonly distinct: number;
  readonly levels: readonly LevelStats[];
  readonly counterexample?: Counterexample;
  readonly error?: { readonly letters: readonly number[]; readonly message: string };
  readonly ms: number;
}

export interface SearchOptions {
  /** Worker processes; 0 evaluates in this thread. */
  readonly workers: number;
  /** performance.now() after which no new node is started. */
  readonly deadline?: number;
  /** Called after every chunk with what is done so far. */
  readonly onProgress?: (p: { depth: number; histories: number; distinct: number }) => void;
  /** Nodes per chunk handed to a worker. */
  readonly chunk?: number;
  /** Evaluate in this pool (kept across searches); otherwise one is made for the search and closed. */
  readonly pool?: NodePool;
}

export async function search(spec: SearchSpec, options: SearchOptions, prunes: boolean): Promise<SearchResult> {
  const started = performance.now();
  const pool = options.pool ?? (options.workers > 0 ? processPool(options.workers) : inlinePool());
  const letters = spec.letters.length;
  const seen = new Set<string>();
  const levels: LevelStats[] = [];
  let histories = 0;
  let verified = -1;
  let counterexample: Counterexample | undefined;
  let error: SearchResult['error'];
  const expired = () => options.deadline !== undefined && performance.now() > options.deadline;
  const chunkSize = options.chunk ?? 24;

  const account = (node: readonly number[], r: NodeResult): boolean => {
    histories++;
    if (r.error !== undefined) {
      error = { letters: node, message: r.error };
      return false;
    }
    if (!r.judged.holds) {
      counterexample = { letters: node, judged: r.judged };
      return false;
    }
    return true;
  };

  try {
    // Depth 0: the installed server, before anything happens.
    let frontier: (readonly number[])[] = [];
    let ok = true;
    const levelStart = performance.now();
    await pool.run(spec, [[[]]], (nodes, results) => {
      ok = account(nodes[0]!, results[0]!);
      const key = prunes ? results[0]!.key : results[0]!.modelKey;
      if (key !== null) seen.add(key);
      frontier = [[]];
      return ok;
    }, () => false);
    if (!ok) return finish();
    verified = 0;
    levels.push({ depth: 0, histories: 1, newStates: prunes ? 1 : null, ms: performance.now() - levelStart });

    for (let depth = 1; depth <= spec.depth; depth++) {
      const start = performance.now();
      const next: (readonly number[])[] = [];
      let judged = 0;
      let fresh = 0;
      let complete = false;
      const nodes = prunes ? expand(frontier, letters) : sequences(letters, depth);
      await pool.run(
        spec,
        chunked(nodes, chunkSize),
        (chunk, results) => {
          for (let k = 0; k < chunk.length; k++) {
            const node = chunk[k]!;
            const r = results[k]!;
            judged++;
            if (!account(node, r)) return false;
            const key = prunes ? r.key : r.modelKey;
            if (key === null) {
              if (prunes) next.push(node);
            } else if (!seen.has(key)) {
              seen.add(key);
              fresh++;
              if (prunes) next.push(node);
            }
          }
          options.onProgress?.({ depth, histories, distinct: seen.size });
          return true;
        },
        expired,
      );
      complete = !counterexample && !error && judged === (prunes ? frontier.length * letters : letters ** depth);
      levels.push({ depth, histories: judged, newStates: prunes ? fresh : null, ms: performance.now() - start });
      if (!complete) return finish();
      verified = depth;
      frontier = next;
      if (prunes && frontier.length === 0) return finish('exhausted');
    }
    return finish('depth');
  } finally {
    if (!options.pool) await pool.close();
  }

  function finish(reason?: SearchResult['stopped']): SearchResult {
    const stopped = reason ?? (error ? 'error' : counterexample ? 'violation' : 'budget');
    return {
      verifiedDepth: verified,
      stopped,
      pruned: prunes,
      histories,
      distinct: seen.size,
      levels,
      ...(counterexample ? { counterexample } : {}),
      ...(error ? { error } : {}),
      ms: performance.now() - started,
    };
  }
}

/** Every child of the frontier: each node, then each letter. */
function* expand(frontier: readonly (readonly number[])[], letters: number): Generator<readonly number[]> {
  for (const node of frontier) for (let l = 0; l < letters; l++) yield [...node, l];
}

/** Every sequence of `depth` letters, in order (the last letter fastest). */
function* sequences(letters: number, depth: number): Generator<readonly number[]> {
  const digits = new Array<number>(depth).fill(0);
  for (;;) {
    yield [...digits];
    let i = depth - 1;
    while (i >= 0 && digits[i] === letters - 1) digits[i--] = 0;
    if (i < 0) return;
    digits[i]! += 1;
  }
}

function* chunked<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const x of items) {
    chunk.push(x);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
