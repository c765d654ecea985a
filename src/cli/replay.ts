// npm run replay -- <file> [--json] [--html OUT]: replays one scenario file and prints its
// timeline, then the verdict; with --html, also writes the timeline as a self-contained HTML
// page to OUT. Exit 0 when it behaves as the file says, 1 when not ("not reached" included), 2
// for a bad file (whatever the path names or the bytes hold) or bad arguments (or an OUT that
// cannot be written). Reads the file only; writes nothing but stdout, stderr and OUT.

import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ansi, wantsColour } from '../campaign/colour.ts';
import { loadScenario } from '../scenario/load.ts';
import { ScenarioError } from '../scenario/problems.ts';
import { replay } from '../scenario/replay.ts';
import { renderTimeline, replayTimeline, timelineJson } from '../scenario/timeline.ts';
import { writeHtml } from '../report/files.ts';
import { replayPage } from '../report/replayPage.ts';

export const USAGE = `usage: npm run replay -- <scenario.json> [--json] [--html OUT]

Replays a scenario file on the model and prints its timeline, then the verdict.
  --json       the same timeline and verdict as JSON, for tools
  --html OUT   also write the timeline as a picture: one self-contained HTML file
Exit status: 0 it behaves as the file says, 1 it does not (a property it says holds whose
trigger is never reached is "not reached": it does not), 2 bad file or arguments.
Marks are coloured on a terminal only; NO_COLOR=1 turns colour off, FORCE_COLOR=1 forces it.
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether `out` may be coloured (a terminal); plain text when absent. */
  readonly colour?: boolean;
}

const STDIO: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), colour: wantsColour(process.stdout) };

export function main(argv: readonly string[], io: Io = STDIO): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: 'boolean' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const out = parsed.values.html;
  if (out !== undefined && !out.trim()) {
    io.err(`--html needs the file to write\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.err(`${parsed.positionals.length ? 'give one scenario file at a time' : 'no scenario file given'}\n\n${USAGE}`);
    return 2;
  }
  let loaded;
  try {
    loaded = loadScenario(parsed.positionals[0]!);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  const r = replay(loaded);
  const t = replayTimeline(r);
  io.out(parsed.values.json ? timelineJson(t) : renderTimeline(t, io.colour ? ansi : undefined));
  if (out !== undefined) {
    try {
      writeHtml(out, replayPage(r));
    } catch (e) {
      io.err(`${out}: cannot write the HTML timeline: ${(e as Error).message}\n`);
      return 2;
    }
  }
  return r.verdict.behaves ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
