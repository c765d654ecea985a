// Evaluates chunks of nodes in worker processes (or in this thread when there are none), and
// hands the results back in the order the chunks were given, whatever order they finish in.

import { Child } from '../campaign/child.ts';
import { Evaluator, type NodeResult, type SearchSpec } from './evaluate.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

export interface NodePool {
  /**
   * Evaluates the chunks of nodes of a search, `onChunk` called for each in order (false: stop);
   * hands out no more chunks once `stop()` says so.
   */
  run(spec: SearchSpec, chunks: Iterable<readonly (readonly number[])[]>, onChunk: (nodes: readonly (readonly number[])[], results: readonly NodeResult[]) => boolean | void, stop: () => boolean): Promise<void>;
  close(): Promise<void>;
}

/** In this thread, yielding between chunks so that the progress line is drawn. */
export function inlinePool(): NodePool {
  let evaluator: Evaluator | undefined;
  return {
    async run(spec, chunks, onChunk, stop) {
      if (evaluator?.spec !== spec) evaluator = new Evaluator(spec);
      for (const nodes of chunks) {
        if (stop()) return;
        if (onChunk(nodes, nodes.map((n) => evaluator!.evaluate(n))) === false) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {},
  };
}

/** Worker processes, started once and kept for every search run on them. */
export function processPool(size: number): NodePool {
  const workers = Array.from({ length: size }, () => new Child(new URL('./worker.ts', import.meta.url)));
  let generation = 0;
  let nextId = 0;
  let current: SearchSpec | undefined;
  return {
    run(spec, chunks, onChunk, stop) {
      const gen = ++generation;
      if (spec !== current) {
        current = spec;
        for (const w of workers) w.post({ kind: 'spec', spec } satisfies WorkerRequest);
      }
      const iterator = chunks[Symbol.iterator]();
      const given = new Map<number, readonly (readonly number[])[]>();
      const done = new Map<number, readonly NodeResult[]>();
      let consumed = nextId;
      let exhausted = false;
      let finished = false;
      return new Promise<void>((resolve, reject) => {
        const finish = (error?: unknown): void => {
          if (finished) return;
          finished = true;
          for (const [i, w] of workers.entries()) {
            w.offMessage(listeners[i]!);
            w.offFailure(finish);
          }
          if (error === undefined) resolve();
          else reject(error);
        };
        const give = (w: Child): void => {
          if (finished || exhausted || stop()) return;
          const next = iterator.next();
          if (next.done) {
            exhausted = true;
            return;
          }
          const id = nextId++;
          given.set(id, next.value);
          w.post({ kind: 'chunk', id, gen, nodes: next.value } satisfies WorkerRequest);
        };
        const complete = (): void => {
          if (given.size === 0 && (exhausted || stop())) finish();
        };
        // Replies of an earlier run (cut short) are dropped.
        const onMessage = (w: Child, reply: WorkerReply): void => {
          if (reply.gen !== gen || finished) return;
          done.set(reply.id, reply.results);
          while (done.has(consumed)) {
            const nodes = given.get(consumed)!;
            const results = done.get(consumed)!;
            given.delete(consumed);
            done.delete(consumed);
            consumed++;
            if (onChunk(nodes, results) === false) return finish();
          }
          give(w);
          complete();
        };
        const listeners = workers.map((w) => (reply: WorkerReply) => onMessage(w, reply));
        for (const [i, w] of workers.entries()) {
          w.onMessage(listeners[i]!);
          w.onFailure(finish);
        }
        for (const w of workers) give(w);
        complete();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
