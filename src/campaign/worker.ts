// A worker thread of the pool: runs the tasks it is sent, one at a time, and posts each result.

import { parentPort } from 'node:worker_threads';
import type { Task } from './plan.ts';
import { runTask } from './task.ts';

export interface TaskMessage {
  readonly index: number;
  readonly task: Task;
}

if (!parentPort) throw new Error('worker.ts runs as a worker thread');
const port = parentPort;
port.on('message', ({ index, task }: TaskMessage) => port.postMessage({ index, result: runTask(task) }));
