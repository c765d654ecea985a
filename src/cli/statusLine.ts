// One line of progress on a stream: redrawn in place on a terminal, and elsewhere (CI logs)
// printed as a plain line every few seconds, so that a log neither floods nor stays silent.

export interface StatusStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export class StatusLine {
  private lastDraw = -Infinity;

  constructor(
    private readonly stream: StatusStream,
    /** Milliseconds between plain lines when not on a terminal. */
    private readonly every = 5000,
  ) {}

  /** Shows the line if it is time to (always when `final`). */
  show(line: string, final = false): void {
    const now = performance.now();
    if (this.stream.isTTY) {
      if (!final && now - this.lastDraw < 100) return;
      this.stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    } else {
      if (!final && now - this.lastDraw < this.every) return;
      this.stream.write(`${line}\n`);
    }
    this.lastDraw = now;
  }
}
