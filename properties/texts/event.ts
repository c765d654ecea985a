// An event as an article defines it, in the checkers' own copy: what a well-formed entry with
// this ID must carry. Each article's texts file lists the events it defines; INV-3 reads them all.

export interface ExpectedEvent {
  readonly id: number;
  readonly source: string;
  readonly type: 'Error' | 'Warning' | 'Information';
  /** Null where the article gives none (assumption A-EVENT-GAPS). */
  readonly category: string | null;
  /** The exact text, a pattern where the article has placeholders, or null where it gives none. */
  readonly text: string | RegExp | null;
  /** The data portion as the article prints it ("Data (Words)"); absent where the article shows none. */
  readonly data?: string;
}

/**
 * A text compared word for word (assumption A-EVENT-WRAP): runs of white space match any white
 * space, and each <placeholder> matches a value of one or more characters.
 */
export function words(text: string): RegExp {
  const parts = text.split(/(<[a-z ]+>)/).map((part) => (/^<[a-z ]+>$/.test(part) ? '(.+?)' : part.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')));
  return new RegExp(`^${parts.map((p, i) => (i === 0 || p === '' ? p : `\\s*${p}`)).join('')}$`);
}

/** Why the entry is not the event the article defines, or undefined if it is. */
export function unlike(expected: ExpectedEvent, e: { id: number; source: string; type: string; category: string | null; text: string | null; data?: string }): string | undefined {
  if (e.source !== expected.source || e.type !== expected.type) return `event ${e.id} is ${e.source}/${e.type}, not ${expected.source}/${expected.type}`;
  if (e.category !== expected.category) return `event ${e.id} is filed under ${e.category}, not ${expected.category}`;
  const t = expected.text;
  const ok = t === null ? e.text === null : typeof t === 'string' ? e.text === t : t.test(e.text ?? '');
  if (!ok) return `event ${e.id}'s text is not its article's:\n${e.text}`;
  if (expected.data !== undefined && e.data !== expected.data) return `event ${e.id}'s data is ${e.data === undefined ? 'missing' : `"${e.data}"`}, not the article's "${expected.data}"`;
  return undefined;
}
