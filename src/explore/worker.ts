// A worker process of the search: builds the evaluator for the spec it is given, then
// evaluates the nodes it is sent, a chunk at a time, and posts the results in order.

import { parentChannel } from '../campaign/child.ts';
import { Evaluator, type NodeResult, type SearchSpec } from './evaluate.ts';

export type WorkerRequest = { readonly kind: 'spec'; readonly spec: SearchSpec } | { readonly kind: 'chunk'; readonly id: number; readonly gen: number; readonly nodes: readonly (readonly number[])[] };
export interface WorkerReply {
  readonly id: number;
  readonly gen: number;
  readonly results: readonly NodeResult[];
}

const parent = parentChannel<WorkerRequest>('src/explore/worker.ts');
let evaluator: Evaluator | undefined;
parent.on((m) => {
  if (m.kind === 'spec') evaluator = new Evaluator(m.spec);
  else parent.post({ id: m.id, gen: m.gen, results: m.nodes.map((n) => evaluator!.evaluate(n)) } satisfies WorkerReply);
});
