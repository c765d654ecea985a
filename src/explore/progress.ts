// The progress line on stderr, as the campaign's: on a terminal it is redrawn in place,
// elsewhere a plain line every few seconds.

import type { ProgressStream } from '../campaign/progress.ts';

const number = (n: number) => Math.round(n).toLocaleString('en-US');

export class ExploreProgress {
  private lastDraw = -Infinity;
  private started = performance.now();
  private text = '';

  constructor(private readonly stream: ProgressStream, private readonly every = 5000) {}

  /** A new task begins. */
  begin(label: string): void {
    this.started = performance.now();
    this.text = `explore: ${label}`;
  }

  update(p: { depth: number; histories: number; distinct: number }): void {
    const seconds = (performance.now() - this.started) / 1000;
    const line = `${this.text}: depth ${p.depth}, ${number(p.histories)} histories, ${number(p.distinct)} distinct states, ${seconds.toFixed(1)} s, ${number(seconds > 0 ? p.histories / seconds : 0)} histories/s`;
    const now = performance.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 100) return;
      this.stream.write(`\r\x1b[2K${line}`);
    } else {
      if (now - this.lastDraw < this.every) return;
      this.stream.write(`${line}\n`);
    }
    this.lastDraw = now;
  }

  /** A task ended: clear the redrawn line. */
  end(): void {
    if (this.stream.isTTY && this.lastDraw > -Infinity) this.stream.write('\r\x1b[2K');
    this.lastDraw = -Infinity;
  }
}
