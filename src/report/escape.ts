// Escaping for the HTML pages. Every text that comes from a report, a scenario file or the
// model goes through `text` (or through the `html` template, which calls it for anything that
// is not already markup), so a title, note or event text holding `<`, `&`, quotes or control
// characters shows as those characters and never becomes markup.

/** Markup: a string that is already HTML. Only this module and the `html` template make one. */
export class Html {
  private constructor(readonly markup: string) {}

  /** Markup written in this program's own source (tags, entities): never data. */
  static trusted(markup: string): Html {
    return new Html(markup);
  }

  toString(): string {
    return this.markup;
  }
}

export type Fragment = Html | string | number | null | undefined | false | readonly Fragment[];

/**
 * Control characters have no business in an HTML text node (they are parse errors, and NUL is
 * dropped), and a browser shows most of them as nothing: each is written as the JSON escape a
 * scenario file would hold (`\u0007`), and so are C1 controls, non-characters and unpaired
 * surrogates. Tabs and line breaks are kept (cells keep white space); CR LF becomes LF.
 */
function visibleControls(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A text for an element's content or a quoted attribute value. */
export function text(s: string | number): string {
  return visibleControls(String(s))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fragments joined into markup: strings and numbers escaped, markup kept, arrays flattened, empty values dropped. */
export function raw(f: Fragment): string {
  if (f instanceof Html) return f.markup;
  if (Array.isArray(f)) return f.map(raw).join('');
  if (f === null || f === undefined || f === false) return '';
  return text(f as string | number);
}

/** A template for markup: the literal parts are this program's HTML, every interpolation is escaped unless it is markup. */
export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += raw(v) + strings[i + 1]!;
  });
  return Html.trusted(out);
}

/** Markup of fragments placed one after the other, with an optional separator. */
export function join(parts: readonly Fragment[], separator: Fragment = ''): Html {
  return Html.trusted(parts.map(raw).join(raw(separator)));
}

/**
 * An id for an element, from this program's own words and numbers: letters, digits and dashes
 * only, so it needs no escaping in an attribute or a `#` link. Data never becomes an id as it is.
 */
export function id(...parts: readonly (string | number)[]): string {
  return parts.map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-');
}
