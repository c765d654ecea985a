// How deeply a JSON text nests, found by the parser's own scanner (which does not recurse)
// before the text is parsed. The parser, the syntax tree's walkers and the schema checker all
// recurse, so a file nested a hundred thousand levels deep would overflow the stack; it is
// refused before any of them sees it. A scenario nests five levels at most (the file, steps,
// a step, its expect, expect.services); the limit leaves room for anything sensible.

import { createScanner } from 'jsonc-parser';

// jsonc-parser's SyntaxKind values (a const enum, which this project's TypeScript settings cannot import).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

export const MAX_DEPTH = 64;

/**
 * The offset of the first `{` or `[` that opens level `max + 1`, if any. A bracket closes only
 * its own kind, as in the parser (which skips a `]` inside an object), so that `{],"k":{],...`
 * counts as deep as the parser would recurse: never less.
 */
export function tooDeep(text: string, max = MAX_DEPTH): number | undefined {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      open.push(token);
      if (open.length > max) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE ? open.at(-1) === OPEN_BRACE : token === CLOSE_BRACKET && open.at(-1) === OPEN_BRACKET) {
      open.pop();
    }
  }
  return undefined;
}
