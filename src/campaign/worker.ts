// A worker process of the pool: runs the tasks it is sent, one at a time, and posts each result.

import { parentChannel } from './child.ts';
import type { Task } from './plan.ts';
import { runTask } from './task.ts';

export interface TaskMessage {
  readonly index: number;
  readonly task: Task;
}

const parent = parentChannel<TaskMessage>('src/campaign/worker.ts');
parent.on(({ index, task }) => parent.post({ index, result: runTask(task) }));
