// A worker thread of the search: builds the evaluator for the spec it is given, then
// evaluates the nodes it is sent, a chunk at a time, and posts the results in order.

import { parentPort } from 'node:worker_threads';
import { Evaluator, type NodeResult, type SearchSpec } from './evaluate.ts';

export type WorkerRequest = { readonly kind: 'spec'; readonly spec: SearchSpec } | { readonly kind: 'chunk'; readonly id: number; readonly gen: number; readonly nodes: readonly (readonly number[])[] };
export interface WorkerReply {
  readonly id: number;
  readonly gen: number;
  readonly results: readonly NodeResult[];
}

if (!parentPort) throw new Error('worker.ts runs as a worker thread');
const port = parentPort;
let evaluator: Evaluator | undefined;
port.on('message', (m: WorkerRequest) => {
  if (m.kind === 'spec') evaluator = new Evaluator(m.spec);
  else port.postMessage({ id: m.id, gen: m.gen, results: m.nodes.map((n) => evaluator!.evaluate(n)) } satisfies WorkerReply);
});
