// A fuzzer's view of replay: the bytes of valid scenario files, mutated (bytes set, inserted,
// deleted, repeated, cut; JSON tokens, escapes, deep nesting, encodings' marks and control
// characters put in), give exit 0 or 1 with a timeline, or exit 2 with every line naming the
// file; never a crash, and never a raw control character on the terminal.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/replay.ts';
import { OP_NAMES } from '../../src/faults/catalogue.ts';
import { REPO, sample, scratch } from './helpers.ts';

const dir = scratch('fuzz');

const SEEDS: unknown[] = [sample(), JSON.parse(readFileSync(join(REPO, 'scenarios/Q246115-story.json'), 'utf8'))];

type Json = unknown;
type Edit = (doc: Json) => void;

/** Every place in a document, as the path to it. */
function places(v: Json, path: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(v) ? v.flatMap((x, i) => places(x, [...path, i])) : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => places(x, [...path, k])) : [];
  return [path, ...inner];
}

function parentOf(doc: Json, path: (string | number)[]): Record<string | number, Json> | undefined {
  let v = doc as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) v = v[k] as Record<string | number, Json>;
  return v && typeof v === 'object' ? v : undefined;
}

const value: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom<Json>(...OP_NAMES, 0, -1, 1.5, 86400, 86401, 2 ** 31, 2 ** 53, -0, 1e300, '', 'in', 'Alice', 'holds', 'violated', '5.0 SP0', '5.5', 'Q146791-S2', [], {}, null),
);

// An edit at the JSON level: the file still parses, so the schema, the cross-checks and replay see it.
const edit: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'repeat'), value).map(([n, kind, v]): Edit => (doc) => {
  const all = places(doc).slice(1);
  const path = all[n % all.length];
  if (!path) return;
  const parent = parentOf(doc, path);
  const key = path[path.length - 1]!;
  if (!parent) return;
  if (kind === 'set') parent[key] = v;
  else if (kind === 'delete') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
  else if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
});

const TOKENS = [
  '{', '}', '[', ']', '"', ',', ':', '\\', '\\"', '\\u0000', '\\u001b[2J', '\\ud800', '\\udfff\\ud800', '\\u202e', '\\u0085',
  '1e999', '-0', '0.5', '-1', '2147483648', '9007199254740993', 'null', 'true', '"__proto__": {},', '"constructor": 1,',
  '"op": "time.pass", "seconds": 86400', '"steps": []', '"verdict": "violated"', '"claim": "Q146791-S2"', '"note": "\\n\\r\\t"',
  '/* */', '//', '\u001b', '\u0007', '\u009b', '\u2028', '\uFEFF', '\t', '\r\n', ' ',
].map((t) => Buffer.from(t));
const MARKS = [[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe9], [0x80]].map((b) => Buffer.from(b));

type Mutation = (b: Buffer) => Buffer;
const at = (b: Buffer, n: number) => (b.length ? n % (b.length + 1) : 0);
const splice = (b: Buffer, i: number, remove: number, put: Buffer) => Buffer.concat([b.subarray(0, i), put, b.subarray(i + remove)]);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, v]): Mutation => (b) => splice(b, at(b, n), 1, Buffer.from([v]))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, bytes]): Mutation => (b) => splice(b, at(b, n), 0, Buffer.from(bytes))),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS, ...MARKS)).map(([n, t]): Mutation => (b) => splice(b, at(b, n), 0, t)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(([n, k]): Mutation => (b) => splice(b, at(b, n), k, Buffer.alloc(0))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 }), fc.nat(), fc.integer({ min: 1, max: 30 })).map(([n, k, m, times]): Mutation => (b) => {
    const from = at(b, n);
    const piece = b.subarray(from, from + k);
    return splice(b, at(b, m), 0, Buffer.concat(Array.from({ length: times }, () => piece)));
  }),
  fc.tuple(fc.nat(), fc.constantFrom('[', '{"a":', '{],"k":'), fc.integer({ min: 1, max: 5000 })).map(([n, open, depth]): Mutation => (b) => splice(b, at(b, n), 0, Buffer.from(open.repeat(depth)))),
  fc.nat().map((n): Mutation => (b) => b.subarray(0, at(b, n))),
);

// What the terminal must never receive raw.
const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('replay under mutated files', () => {
  it('gives exit 0, 1 or 2, never a crash, whatever the bytes', () => {
    let runs = 0;
    const codes = [0, 0, 0];
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { maxLength: 3 }), fc.array(mutation, { maxLength: 4 }), (seed, edits, mutations) => {
        const doc = structuredClone(seed);
        for (const e of edits) e(doc);
        const bytes = mutations.reduce<Buffer>((b, m) => m(b), Buffer.from(`${JSON.stringify(doc, null, 2)}\n`));
        const path = join(dir, `mutant-${runs++}.json`);
        writeFileSync(path, bytes);
        let out = '';
        let err = '';
        const code = main([path], { out: (t) => void (out += t), err: (t) => void (err += t) });
        expect([0, 1, 2]).toContain(code);
        codes[code]!++;
        expect(out).not.toMatch(UNSAFE);
        expect(err).not.toMatch(UNSAFE);
        if (code === 2) {
          expect(out).toBe('');
          for (const line of err.trimEnd().split('\n')) expect(line.startsWith(`${path}:`), line).toBe(true);
        } else {
          expect(err).toBe('');
          expect(out).toMatch(/\nverdict: /);
        }
      }),
      { seed: 20261122, numRuns: 400 },
    );
    // The mutants reach past the loader too.
    expect(codes[0]! + codes[1]!).toBeGreaterThan(40);
  });
});
