// Colour on a terminal, for the verdicts of npm start and npm run merge and the marks of npm
// run replay: holds and ✓ green, violated and ✗ red, not reached and not run yellow.
//
// Whether to colour is decided here, for the stream the text goes to, and nowhere else:
//   NO_COLOR set and not empty          off (https://no-color.org), whatever else is set
//   FORCE_COLOR set                     on; off when it is 0 or false
//   otherwise                           on when the stream is a terminal (not TERM=dumb)
// Node's util.styleText only writes the escape codes: its own check (validateStream) differs
// between Node 20 releases (20.20 reads process.stdout, takes an empty NO_COLOR for set, lets
// FORCE_COLOR win over NO_COLOR, and skips the check for an array of formats), so it is off.

import { styleText } from 'node:util';

export type Tone = 'good' | 'bad' | 'unsure';

/** Text in a tone's colour, or the text itself when colour is off. */
export type Paint = (tone: Tone, text: string) => string;

export interface ColourStream {
  readonly isTTY?: boolean;
}

export function wantsColour(stream: ColourStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const FORMAT = { good: 'green', bad: 'red', unsure: 'yellow' } as const;

export const plain: Paint = (_tone, text) => text;

export const ansi: Paint = (tone, text) => styleText(FORMAT[tone], text, { validateStream: false });

export function paintFor(stream: ColourStream, env: NodeJS.ProcessEnv = process.env): Paint {
  return wantsColour(stream, env) ? ansi : plain;
}
