// RFC 2046 body parts, found the forgiving way: a missing close delimiter keeps the last part,
// and a boundary nobody declared is guessed from the first line that looks like a delimiter.

function trimEnd(line: string): string {
  let to = line.length;
  while (to > 0 && (line[to - 1] === ' ' || line[to - 1] === '\t' || line[to - 1] === '\r')) to--;
  return line.slice(0, to);
}

/** The line break before a delimiter belongs to the delimiter, not to the part. */
function partEnd(body: string, delimiterAt: number, partStart: number): number {
  let end = delimiterAt;
  if (end > partStart && body[end - 1] === '\n') end--;
  if (end > partStart && body[end - 1] === '\r') end--;
  return end;
}

function partsBetween(body: string, boundary: string): string[] {
  const open = `--${boundary}`;
  const close = `${open}--`;
  const parts: string[] = [];
  let start = -1;
  for (let pos = 0; pos <= body.length; ) {
    const nl = body.indexOf('\n', pos);
    const end = nl === -1 ? body.length : nl;
    const line = body.startsWith(open, pos) ? trimEnd(body.slice(pos, end)) : '';
    if (line === open || line === close) {
      if (start >= 0) parts.push(body.slice(start, partEnd(body, pos, start)));
      if (line === close) return parts; // the epilogue is not a part
      start = end + 1;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (start >= 0 && start <= body.length) parts.push(body.slice(start));
  return parts;
}

function guessBoundary(body: string): string | undefined {
  for (let pos = 0; pos < body.length; ) {
    const nl = body.indexOf('\n', pos);
    const end = nl === -1 ? body.length : nl;
    if (body.startsWith('--', pos)) {
      const guess = trimEnd(body.slice(pos + 2, end));
      if (guess !== '') return guess;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return undefined;
}

export function splitMultipart(body: string, boundary: string | undefined): string[] {
  const declared = boundary === undefined ? [] : partsBetween(body, boundary);
  if (declared.length > 0) return declared;
  const guess = guessBoundary(body);
  return guess === undefined || guess === boundary ? [] : partsBetween(body, guess);
}
