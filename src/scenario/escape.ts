// Text from a scenario file shown back to a person (a title, a note, a bad value, a name the
// model echoes) goes to a terminal: a control character in it could move the cursor, recolour
// or retitle the window, or reorder what is shown (bidirectional overrides). Such characters
// are shown as the JSON escapes that would write them (`\u001b`, `\t`), never as themselves.

/** Controls (C0, DEL, C1), format characters (bidi overrides, zero widths), line and paragraph separators, lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const UNSAFE_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  // One \uXXXX per UTF-16 unit, as JSON writes a character outside the first plane.
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** The text on one line, every unsafe character escaped (line breaks too). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** The text with every unsafe character escaped but its line breaks kept. */
export function escapeLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeOne);
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls and lone surrogates; this also
 * escapes DEL, C1 and format characters. They only ever occur inside strings there, so the
 * result is the same JSON value.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_BUT_NEWLINE, escapeOne);
}
