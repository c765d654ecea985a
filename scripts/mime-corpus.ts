// The MIME judge against Python's email package on a corpus of real mail, class by class.
//
//   npx tsx scripts/mime-corpus.ts CORPUS_DIR [--files]
//
// CORPUS_DIR holds mail/*.eml and mail-oracle.jsonl, one JSON line per message with what
// Python's email package found: part defects under the compat32 and default policies, and
// header defects (see the README section "The MIME judge and real mail"). Nothing in the
// project runs this: the corpus is not part of it, and tests never read it.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMime } from '../src/mail/mime.ts';

interface Oracle {
  readonly file: string;
  readonly compat32?: readonly string[];
  readonly default?: readonly string[];
  readonly hdr?: readonly (readonly [string, string, string])[];
}

/** A reading as any version of readMime gives it (older ones had no `embedded`). */
interface Reading { readonly headerDefects: readonly string[]; readonly embedded?: readonly Reading[] }

// Findings are compared by family: what kind of fault, whoever names it.
const OURS: Record<string, string> = {
  'header-without-colon': 'header-syntax',
  'eight-bit-header': 'eight-bit',
  'bad-mime-version': 'mime-version',
  'missing-mime-version': 'mime-version-missing',
  'unparseable-content-type': 'content-type',
  'missing-boundary': 'boundary',
  'bad-transfer-encoding': 'transfer-encoding',
  'bad-charset': 'charset',
  'unparseable-content-disposition': 'content-disposition',
};
const PYTHON_PART: Record<string, string> = {
  NoBoundaryInMultipartDefect: 'boundary',
  MissingHeaderBodySeparatorDefect: 'header-syntax',
  FirstHeaderLineIsContinuationDefect: 'header-syntax',
  MisplacedEnvelopeHeaderDefect: 'header-syntax',
  InvalidMultipartContentTransferEncodingDefect: 'transfer-encoding',
  StartBoundaryNotFoundDefect: 'multipart-body',
  CloseBoundaryNotFoundDefect: 'multipart-body',
  MultipartInvariantViolationDefect: 'multipart-body',
  InvalidBase64PaddingDefect: 'body-encoding',
  InvalidBase64CharactersDefect: 'body-encoding',
  InvalidBase64LengthDefect: 'body-encoding',
};
function pythonHeaderFamily(name: string, kind: string, text: string): string {
  if (kind === 'UndecodableBytesDefect' || kind === 'NonASCIILocalPartDefect') return 'eight-bit';
  if ((name === 'content-type' || name === 'content-disposition') && /encoded.word/.test(text)) return 'encoded-word-in-param';
  if (name === 'content-type') return 'content-type';
  if (name === 'content-disposition') return 'content-disposition';
  if (name === 'content-transfer-encoding') return 'transfer-encoding';
  if (name === 'mime-version') return 'mime-version';
  return 'address-date-id'; // RFC 5322's structured fields: From, To, Date, Message-ID...
}
/** Families no part of the judge looks at. */
const OUTSIDE = new Set(['address-date-id', 'multipart-body', 'encoded-word-in-param', 'body-encoding']);

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: npx tsx scripts/mime-corpus.ts CORPUS_DIR [--files]');
  process.exit(2);
}
const listFiles = process.argv.includes('--files');
const oracle = new Map<string, Oracle>();
for (const line of readFileSync(join(dir, 'mail-oracle.jsonl'), 'utf8').split('\n')) {
  if (line.trim() !== '') {
    const o = JSON.parse(line) as Oracle;
    oracle.set(o.file, o);
  }
}

// Python walks into message/rfc822 parts: so does the comparison.
const allDefects = (r: Reading): string[] => [...r.headerDefects, ...(r.embedded ?? []).flatMap(allDefects)];
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

const classes = new Map<string, string[]>();
let total = 0;
let same = 0;
let sameInScope = 0;
for (const file of readdirSync(join(dir, 'mail')).filter((f) => f.endsWith('.eml')).sort()) {
  const o = oracle.get(file);
  if (o === undefined) continue;
  const bytes = readFileSync(join(dir, 'mail', file));
  const found = allDefects(readMime(bytes));
  // Python takes a first line "From " of a message as the mbox envelope (RFC 4155); when such
  // lines are all that makes us say header-without-colon, that is a class of its own.
  let envelope = false;
  if (found.includes('header-without-colon')) {
    const stripped = bytes.toString('latin1').replace(/(^|\n\r?\n)From [^\n]*\n/g, '$1');
    envelope = !allDefects(readMime(Buffer.from(stripped, 'latin1'))).includes('header-without-colon');
  }
  const ours = sorted(found.map((d) => (envelope && d === 'header-without-colon' ? 'mbox-from-line' : (OURS[d] ?? `?${d}`))));
  const python = sorted([
    ...[...(o.compat32 ?? []), ...(o.default ?? [])].map((c) => PYTHON_PART[c] ?? `?${c}`),
    ...(o.hdr ?? []).map(([name, kind, text]) => pythonHeaderFamily(name, kind, text)),
  ]);
  total++;
  if (ours.join() === python.join()) same++;
  if (ours.join() === python.filter((f) => !OUTSIDE.has(f)).join()) sameInScope++;
  const keys = [
    ...(ours.length === 0 && python.length === 0 ? ['both clean'] : []),
    ...ours.filter((f) => python.includes(f)).map((f) => `both flag ${f}`),
    ...ours.filter((f) => !python.includes(f)).map((f) => `only we flag ${f}`),
    ...python.filter((f) => !ours.includes(f)).map((f) => `only Python flags ${f}${OUTSIDE.has(f) ? ' (outside the judge)' : ''}`),
  ];
  for (const k of keys) classes.set(k, [...(classes.get(k) ?? []), file]);
}

const pct = (n: number): string => `${((100 * n) / total).toFixed(1)}%`;
console.log(`messages: ${total}`);
console.log(`same families found: ${same} (${pct(same)}); same, leaving out Python's findings outside the judge: ${sameInScope} (${pct(sameInScope)})`);
console.log('\n| class | messages |\n| --- | ---: |');
for (const [k, files] of [...classes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
  console.log(`| ${k} | ${files.length} |${listFiles ? ` ${files.join(' ')}` : ''}`);
}
