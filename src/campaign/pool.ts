// Runs tasks in child processes (or in this thread when workers is 0), handing out the next
// task as each finishes. Results land at their task's index, so completion order never shows.
// Once the deadline has passed no new task starts; the rest are "not run".

import { Child } from './child.ts';
import type { Task } from './plan.ts';
import { runTask, type TaskResult } from './task.ts';

export interface PoolOptions {
  /** Worker processes; 0 runs every task in this thread. */
  readonly workers: number;
  /** performance.now() after which no task starts. */
  readonly deadline?: number;
  readonly onResult?: (index: number, result: TaskResult) => void;
}

const NOT_RUN: TaskResult = { outcome: { status: 'not run' }, ms: 0 };

const expired = (o: PoolOptions) => o.deadline !== undefined && performance.now() > o.deadline;

/** A worker process running src/campaign/worker.ts. */
export function campaignWorker(): Child {
  return new Child(new URL('./worker.ts', import.meta.url));
}

async function inline(tasks: readonly Task[], o: PoolOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = tasks.map(() => NOT_RUN);
  for (const [index, task] of tasks.entries()) {
    if (expired(o)) break;
    results[index] = runTask(task);
    o.onResult?.(index, results[index]!);
    // Let timers and stream writes through between tasks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

async function pooled(tasks: readonly Task[], o: PoolOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = tasks.map(() => NOT_RUN);
  let next = 0;
  const drive = (worker: Child) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= tasks.length || expired(o)) return resolve();
        const index = next++;
        worker.post({ index, task: tasks[index] });
      };
      worker.onMessage(({ index, result }: { index: number; result: TaskResult }) => {
        results[index] = result;
        o.onResult?.(index, result);
        send();
      });
      worker.onFailure(reject);
      send();
    });
  const workers = Array.from({ length: Math.min(o.workers, tasks.length) }, campaignWorker);
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
  return results;
}

export function runTasks(tasks: readonly Task[], options: PoolOptions): Promise<TaskResult[]> {
  return options.workers > 0 ? pooled(tasks, options) : inline(tasks, options);
}
