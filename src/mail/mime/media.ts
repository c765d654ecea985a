// Content-Type judged strictly by RFC 2045 section 5.1 and RFC 2231 (params.ts), and read
// leniently all the same, so a tolerant mail system still finds the parts of a message whose
// header a strict one rejects.

import type { MimeDefect } from './defects.ts';
import { trimWsp } from './fields.ts';
import { lenientParam, parseMediaType } from './params.ts';

export interface MediaType {
  readonly type: string;
  readonly boundary?: string;
  readonly name?: string;
  /** The charset parameter as read, '' included; absent if the field has none. */
  readonly charset?: string;
}

export const TEXT_PLAIN: MediaType = { type: 'text/plain' };
/** RFC 2046 section 5.1.5: in a multipart/digest, a body part is a message unless it says otherwise. */
export const MESSAGE_RFC822: MediaType = { type: 'message/rfc822' };

// RFC 2046 section 5.1.1: 1 to 70 bchars, the last not a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function withParams(type: string, get: (key: string) => string | undefined): MediaType {
  const boundary = get('boundary');
  const name = get('name');
  const charset = get('charset');
  return {
    type,
    ...(boundary ? { boundary } : {}),
    ...(name ? { name } : {}),
    ...(charset !== undefined ? { charset } : {}),
  };
}

/** The type up to the first ";", comments dropped (nested, with quoted-pairs, or one that never closes: to the end). */
function lenientType(value: string): string {
  let type = '';
  let depth = 0;
  let escaped = false;
  for (const c of value) {
    if (escaped) escaped = false;
    else if (c === '\\' && depth > 0) escaped = true;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) {
      if (c === ';') break;
      type += c;
    }
  }
  return trimWsp(type).toLowerCase();
}

function lenient(value: string): MediaType {
  return withParams(lenientType(value), (key) => lenientParam(value, key));
}

export function readContentType(value: string, note: (d: MimeDefect) => void): MediaType {
  const parsed = parseMediaType(value);
  if (parsed === undefined) note('unparseable-content-type');
  const media = parsed === undefined ? lenient(value) : withParams(parsed.value, (key) => parsed.params.get(key));
  if (media.type.startsWith('multipart/') && (media.boundary === undefined || !BOUNDARY.test(media.boundary))) note('missing-boundary');
  return media;
}
