// npm run replay -- <file> [--json] [--html OUT]: replays one scenario file and prints its
// timeline, then the verdict; with --html, also writes the timeline as a self-contained HTML
// page to OUT. Exit 0 when it behaves as the file says, 1 when not ("not reached" included), 2
// for a bad file (whatever the path names or the bytes hold) or bad arguments (or an OUT that
// cannot be written). Reads the file only; writes nothing but stdout, stderr and OUT.
//
// npm run replay -- --message FILE --version RELEASE [--to NAME] [--interpretation ID=ALT ...]
// [--wait SECONDS]: the same for a small scenario built around a message (fromMessage.ts),
// written nowhere: what would this real message do to that release?

import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ansi, wantsColour } from '../campaign/colour.ts';
import { INTERPRETATION_IDS, alternativesOf, withReadings, type InterpretationId } from '../model/interpretations.ts';
import { RELEASES, baseRelease, parseRelease, releaseName } from '../model/release.ts';
import { escapeControls } from '../scenario/escape.ts';
import { DEFAULT_WAIT, replayMessage } from '../scenario/fromMessage.ts';
import { loadScenario } from '../scenario/load.ts';
import { MESSAGE_FILE, messageProblem } from '../scenario/messageFile.ts';
import { ScenarioError, quote, suggestion, unknownName } from '../scenario/problems.ts';
import { readFileBytes } from '../scenario/read.ts';
import { replay, type Replay } from '../scenario/replay.ts';
import { renderTimeline, replayTimeline, timelineJson } from '../scenario/timeline.ts';
import { writeHtml } from '../report/files.ts';
import { replayPage } from '../report/replayPage.ts';

export const USAGE = `usage: npm run replay -- <scenario.json> [--json] [--html OUT]
       npm run replay -- --message FILE --version RELEASE [--to NAME]
                         [--interpretation ID=ALT ...] [--wait SECONDS] [--json] [--html OUT]

Replays a scenario file on the model and prints its timeline, then the verdict.
  --json       the same timeline and verdict as JSON, for tools
  --html OUT   also write the timeline as a picture: one self-contained HTML file
With --message, replays instead a small scenario of its own, written nowhere: the server
installed on RELEASE (as "5.0 SP0"), the message in FILE delivered by SMTP as it is, time
passing, a logon with Exchange Client; judged by every property of RELEASE whose trigger
it reaches, and the laws.
  --to NAME                 the recipient named in RCPT TO (default Alice)
  --interpretation ID=ALT   a reading other than the default (repeatable)
  --wait SECONDS            the time that passes after the delivery (default ${DEFAULT_WAIT})
Exit status: 0 it behaves as the file says (with --message: every property judged holds,
and the laws), 1 it does not (a property it says holds whose trigger is never reached is
"not reached": it does not), 2 bad file, message or arguments.
Marks are coloured on a terminal only; NO_COLOR=1 turns colour off, FORCE_COLOR=1 forces it.
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether `out` may be coloured (a terminal); plain text when absent. */
  readonly colour?: boolean;
}

const STDIO: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), colour: wantsColour(process.stdout) };

/** Arguments that only go with --message. */
const WITH_MESSAGE = ['version', 'to', 'interpretation', 'wait'] as const;

export function main(argv: readonly string[], io: Io = STDIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' }, html: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        message: { type: 'string' }, version: { type: 'string' }, to: { type: 'string' }, interpretation: { type: 'string', multiple: true }, wait: { type: 'string' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const bad = (text: string) => {
    io.err(`${escapeControls(text)}\n\n${USAGE}`);
    return 2;
  };
  const out = values.html;
  if (out !== undefined && !out.trim()) return bad('--html needs the file to write');
  let r: Replay;
  if (values.message !== undefined) {
    if (parsed.positionals.length) return bad('give a scenario file or --message, not both');
    const asked = askedAbout(values.message, values);
    if (typeof asked === 'string') {
      io.err(`${escapeControls(asked)}\n`);
      return 2;
    }
    if ('usage' in asked) return bad(asked.usage);
    r = asked.replay;
  } else {
    const stray = WITH_MESSAGE.filter((k) => values[k] !== undefined);
    if (stray.length) return bad(`${stray.map((k) => `--${k}`).join(', ')} go${stray.length === 1 ? 'es' : ''} with --message only`);
    if (parsed.positionals.length !== 1) return bad(parsed.positionals.length ? 'give one scenario file at a time' : 'no scenario file given');
    let loaded;
    try {
      loaded = loadScenario(parsed.positionals[0]!);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.err(`${e.message}\n`);
      return 2;
    }
    r = replay(loaded);
  }
  const t = replayTimeline(r);
  io.out(values.json ? timelineJson(t) : renderTimeline(t, io.colour ? ansi : undefined));
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

/**
 * The message question's replay; or what is wrong with the arguments (with the usage), or with
 * the message file (a line naming it, as a bad scenario file is named).
 */
function askedAbout(path: string, values: { version?: string; to?: string; interpretation?: string[]; wait?: string }): { replay: Replay } | { usage: string } | string {
  if (!path.trim()) return { usage: '--message needs the message file' };
  if (values.version === undefined) return { usage: '--message needs --version: the release to ask about, as "5.0 SP0"' };
  const release = parseRelease(values.version);
  if (!release) {
    const level = baseRelease(values.version);
    const names = RELEASES.map(releaseName);
    return { usage: level ? `--version ${quote(values.version)} names a version, not a release: releases are named by their level, as in ${JSON.stringify(level)}` : `--version: ${unknownName('release', values.version, names)}` };
  }
  const to = values.to ?? 'Alice';
  if (!to.trim()) return { usage: '--to needs the name of the recipient' };
  const wait = values.wait === undefined ? DEFAULT_WAIT : /^\d+$/.test(values.wait) ? Number(values.wait) : NaN;
  if (!Number.isInteger(wait) || wait < 1 || wait > 86_400) return { usage: `--wait takes whole seconds from 1 to 86400, not ${quote(values.wait ?? '')}` };
  const readings: Record<string, string> = {};
  for (const given of values.interpretation ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(given);
    if (!m) return { usage: `--interpretation takes ID=ALTERNATIVE (as rewindTrigger=bad-mime-alone), not ${quote(given)}` };
    const [, id, alt] = m as unknown as [string, string, string];
    if (!(INTERPRETATION_IDS as readonly string[]).includes(id)) return { usage: `--interpretation: ${unknownName('interpretation', id, INTERPRETATION_IDS)}` };
    const alts = alternativesOf(id as InterpretationId);
    if (!alts.includes(alt)) return { usage: `--interpretation: ${quote(alt)} is not an alternative of the reading ${id}${suggestion(alt, alts)}` };
    if (readings[id] !== undefined && readings[id] !== alt) return { usage: `--interpretation: ${id} is given twice, as ${readings[id]} and as ${alt}` };
    readings[id] = alt;
  }
  const read = readFileBytes(path, MESSAGE_FILE);
  if (!read.ok) return `${path}: ${read.message}`;
  const bytes = Buffer.from(read.bytes);
  const problem = messageProblem(bytes);
  if (problem) return `${path}: ${problem}`;
  return { replay: replayMessage({ path, bytes, release, readings: withReadings(readings), to, wait }) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
