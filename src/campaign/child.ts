// A member of a pool: a child process running one TypeScript entry under tsx, spoken to by
// messages (structured clone, as between threads). Processes rather than worker threads:
// measured here, two worker threads running the model in one process got no more done than
// one (0.97x on two cores, both busy), two processes 1.74x.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class Child {
  private readonly process: ChildProcess;
  private readonly failures = new Set<(error: Error) => void>();
  private stopping = false;
  /** Kept for a listener added after the failure, which would otherwise wait for replies forever. */
  private failed: Error | undefined;

  constructor(entry: URL) {
    const file = fileURLToPath(entry);
    this.process = fork(file, [], {
      // Its own flags: tsx to load TypeScript (the parent may itself be a bundle), and none of
      // the parent's (a --cpu-prof or --inspect is for the parent alone).
      execArgv: ['--max-semi-space-size=64', '--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const f of this.failures) f(error);
    };
    this.process.on('error', fail);
    this.process.on('exit', (code, signal) => {
      if (!this.stopping) fail(new Error(`a pool process (${file}) ended with ${signal ?? `code ${code}`}`));
    });
  }

  post(message: unknown): void {
    this.process.send(message as never);
  }

  onMessage<T>(listener: (message: T) => void): void {
    this.process.on('message', listener as (m: unknown) => void);
  }

  offMessage<T>(listener: (message: T) => void): void {
    this.process.off('message', listener as (m: unknown) => void);
  }

  /** `listener` hears of a process that could not start, or that ended before it was stopped. */
  onFailure(listener: (error: Error) => void): void {
    this.failures.add(listener);
    const failed = this.failed;
    if (failed) queueMicrotask(() => listener(failed));
  }

  offFailure(listener: (error: Error) => void): void {
    this.failures.delete(listener);
  }

  /** Ends the process and waits until it is gone. */
  stop(): Promise<void> {
    this.stopping = true;
    if (this.process.exitCode !== null || this.process.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.process.once('exit', () => resolve());
      this.process.kill();
    });
  }
}

/** The parent's end, for the entry a Child runs: what it is sent, and how to answer. */
export function parentChannel<T>(entry: string): { on(listener: (message: T) => void): void; post(message: unknown): void } {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${entry} runs as a pool's child process (src/campaign/child.ts)`);
  return {
    on: (listener) => void process.on('message', listener as (m: unknown) => void),
    post: (message) => void send(message as never),
  };
}
