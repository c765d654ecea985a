// The ways a Content-Type is unparseable (the defect unparseable-content-type). A spelling has
// its own way (`writer`: an unclosed quote, an unclosed comment, a parameter named twice). Each
// other form breaks the one rule named beside it, in a parameter of its own after the field's
// good value, so that the type, boundary and charset stay readable by a forgiving reader, and a
// reader that lets that rule pass finds no defect at all; or it puts a comment before the type,
// legal in itself, on the spelling's own spoilt value, which only a reader that skips the
// comment whole can still read.

export const SPOILINGS = [
  'writer',
  'section-gap',              // title*0, title*2: sections count up from 0 by 1 (RFC 2231 section 3)
  'bad-escape',               // %G1 is no %-escape (RFC 2231 section 7)
  'bad-charset-name',         // us*ascii is no charset name (RFC 2978 section 2.3)
  'bad-language',             // en_US is no language tag (RFC 1766)
  'quoted-extended',          // an extended value is never quoted (RFC 2231 section 7)
  'comma-separator',          // parameters are separated by ";" (RFC 2045 section 5.1)
  'colon-for-equals',         // a parameter is attribute "=" value
  'special-value',            // a value is a token or a quoted-string, not a special
  'star-in-value',            // "*" is no attribute-char (RFC 2231 section 7)
  'quote-in-value',           // nor is "'"
  'percent-in-name',          // nor "%", in a parameter's name
  'section-twice',            // the same section given twice (RFC 2231 section 3)
  'initial-twice',            // title*0 and title*: both are section 0 (RFC 2231 sections 3 and 4)
  'plain-twice',              // the same parameter twice (RFC 6838 section 4.3)
  'comment-before-type',      // the spelling's own form after a comment that comes before the type
] as const;
export type Spoiling = (typeof SPOILINGS)[number];

/** The parameter each form adds after a good value; comment-before-type and writer add none. */
const ADDED: Readonly<Record<Exclude<Spoiling, 'writer' | 'comment-before-type'>, string>> = {
  'section-gap': '; title*0=Report; title*2=copies',
  'bad-escape': "; title*=us-ascii'en'Report%G1",
  'bad-charset-name': "; title*=us*ascii'en'Report",
  'bad-language': "; title*=us-ascii'en_US'Report",
  'quoted-extended': "; title*=\"us-ascii'en'Report\"",
  'comma-separator': '; title=Report, size=12',
  'colon-for-equals': '; title: Report',
  'special-value': '; title=/',
  'star-in-value': "; title*=''Re*port",
  'quote-in-value': "; title*=''Re'port",
  'percent-in-name': '; ti%tle=Report',
  'section-twice': '; title*0=Re; title*0=port',
  'initial-twice': "; title*0=Re; title*=''port",
  'plain-twice': '; title=Re; title=port',
};

/**
 * The spoilt field value: `good` is the spelling's parseable value, `own` its own spoilt one.
 * The comment before the type nests and holds quoted-pairs, so only a reader that skips it
 * whole finds the type.
 */
export function spoil(form: Spoiling, good: string, own: string): string {
  if (form === 'writer') return own;
  if (form === 'comment-before-type') return `(sent \\) as (a (nested) report)) ${own}`;
  return good + ADDED[form];
}
