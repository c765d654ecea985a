// The progress line on stderr: tasks, runs, steps, elapsed time and steps per second. On a
// terminal it is redrawn in place; elsewhere (CI logs) a plain line every few seconds.

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

export class Progress {
  private done = 0;
  private runs = 0;
  private steps = 0;
  private lastDraw = -Infinity;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    /** Milliseconds between plain lines when not on a terminal. */
    private readonly every = 5000,
  ) {}

  line(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.steps / seconds : 0;
    return `campaign: ${this.done}/${this.total} tasks, ${number(this.runs)} runs, ${number(this.steps)} steps, ${seconds.toFixed(1)} s, ${number(rate)} steps/s`;
  }

  add(runs: number, steps: number): void {
    this.done += 1;
    this.runs += runs;
    this.steps += steps;
    const now = performance.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.stream.write(`\r\x1b[2K${this.line()}`);
    } else {
      if (now - this.lastDraw < this.every) return;
      this.stream.write(`${this.line()}\n`);
    }
    this.lastDraw = now;
  }

  finish(): void {
    this.stream.write(this.stream.isTTY ? `\r\x1b[2K${this.line()}\n` : `${this.line()}\n`);
  }
}
