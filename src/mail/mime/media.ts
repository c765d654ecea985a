// Content-Type judged strictly with `content-type`, and read leniently all the same, so a
// tolerant mail system still finds the parts of a message whose header a strict one rejects.

import { parse } from 'content-type';
import { noteOnce } from '../found.ts';
import type { MimeDefect } from './defects.ts';
import { trimWsp } from './fields.ts';

export interface MediaType {
  readonly type: string;
  readonly boundary?: string;
  readonly name?: string;
}

export const DEFAULT_MEDIA_TYPE: MediaType = { type: 'text/plain' };

/** A parameter as a forgiving reader sees it: quoted (even unterminated) or a bare run. */
export function lenientParam(value: string, key: 'boundary' | 'name' | 'filename'): string | undefined {
  const m = new RegExp(`(?:^|;)[ \\t]*${key}[ \\t]*=[ \\t]*(?:"([^"]*)"?|([^\\s;"]+))`, 'i').exec(value);
  const found = m === null ? undefined : trimWsp(m[1] ?? m[2] ?? '');
  return found === '' ? undefined : found;
}

function strict(value: string): MediaType | undefined {
  try {
    // The HTTP grammar the library implements allows only SP where RFC 5322 folding leaves HTAB.
    const parsed = parse(value.replace(/\t/g, ' '));
    const { boundary, name } = parsed.parameters;
    return { type: parsed.type, ...(boundary ? { boundary } : {}), ...(name ? { name } : {}) };
  } catch {
    return undefined;
  }
}

function lenient(value: string): MediaType {
  const type = trimWsp(value.split(';')[0] ?? '').toLowerCase();
  const boundary = lenientParam(value, 'boundary');
  const name = lenientParam(value, 'name');
  return { type, ...(boundary ? { boundary } : {}), ...(name ? { name } : {}) };
}

export function readContentType(value: string, defects: MimeDefect[]): MediaType {
  let media = strict(value);
  if (media === undefined) {
    noteOnce(defects, 'unparseable-content-type');
    media = lenient(value);
  }
  if (media.type.startsWith('multipart/') && media.boundary === undefined) noteOnce(defects, 'missing-boundary');
  return media;
}
