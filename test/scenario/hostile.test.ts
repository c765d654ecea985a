// Whatever a path names and whatever its bytes hold, replay refuses it with exit 2, naming the
// file, the place and the problem, and leaves it as it was: things that are not files (a pipe,
// a device, a link that loops or leads nowhere), files too big, in another encoding, binary,
// nested beyond the parser's stack, or made to slow the messages down.

import { spawnSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/replay.ts';
import { MAX_DEPTH, tooDeep } from '../../src/scenario/depth.ts';
import { MAX_BYTES, readScenarioBytes } from '../../src/scenario/read.ts';
import { put, refusal, sample, scratch } from './helpers.ts';

const dir = scratch('hostile');
const text = `${JSON.stringify(sample(), null, 2)}\n`;

/** Runs `npm run replay` in this process; the file must be refused with exit 2, each line naming it. */
function refused(path: string): string {
  let out = '';
  let err = '';
  const code = main([path], { out: (t) => void (out += t), err: (t) => void (err += t) });
  expect({ code, out }, err).toEqual({ code: 2, out: '' });
  for (const line of err.trimEnd().split('\n')) expect(line.startsWith(`${path}:`), line).toBe(true);
  // The loader's own message, with the check that the file was not touched.
  expect(`${refusal(path)}\n`).toBe(err);
  return err.trimEnd();
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const utf32 = (s: string, le: boolean) => Buffer.from([...s].flatMap((ch) => {
  const c = ch.codePointAt(0)!;
  const b = [(c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff];
  return le ? b.reverse() : b;
}));
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

describe('what is not a regular file', () => {
  it('refuses a named pipe without waiting for a writer', () => {
    const fifo = join(dir, 'pipe.json');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here
    expect(refused(fifo)).toBe(`${fifo}: is a named pipe (FIFO), not a scenario file; it is not read, as reading could wait for ever`);
  });

  it('refuses a device, directly or through a link, without reading it', () => {
    expect(refused('/dev/zero')).toBe('/dev/zero: is a device, not a scenario file; it is not read');
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    expect(refused(link)).toBe(`${link}: is a device, not a scenario file; it is not read`);
  });

  it('refuses a symbolic link that loops, and one that leads nowhere', () => {
    const [a, b] = [join(dir, 'loop-a.json'), join(dir, 'loop-b.json')];
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect(refused(a)).toBe(`${a}: is a symbolic link that loops (following it leads back to a link already followed)`);
    const self = join(dir, 'self.json');
    symlinkSync('self.json', self);
    expect(refused(self)).toMatch(/self\.json: is a symbolic link that loops/);
    const dangling = join(dir, 'dangling.json');
    symlinkSync('gone.json', dangling);
    expect(refused(dangling)).toBe(`${dangling}: is a symbolic link to "gone.json", which does not exist`);
  });

  it('follows a symbolic link to a good file', () => {
    const link = join(dir, 'link-to-good.json');
    symlinkSync(put(dir, 'good.json', sample()), link);
    expect(main([link], { out: () => {}, err: () => {} })).toBe(0);
  });

  it('refuses a path through a file, and says what ENOTDIR means', () => {
    const through = join(put(dir, 'plain.json', sample()), 'x.json');
    expect(refused(through)).toBe(`${through}: no such file (a part of the path is a file, not a directory)`);
  });
});

describe('files too big', () => {
  it(`refuses a file over ${MAX_BYTES} bytes before reading it, and says the limit`, () => {
    const huge = write('huge.json', '');
    truncateSync(huge, 3 * 1024 ** 3); // sparse: three gigabytes that take no room
    expect(refused(huge)).toBe(`${huge}: the file is 3.0 GiB; a scenario file may be at most 64 MiB`);
    const over = write('just-over.json', `${text}${' '.repeat(MAX_BYTES + 1 - Buffer.byteLength(text))}`);
    expect(refused(over)).toMatch(/just-over\.json: the file is 64\.0 MiB; a scenario file may be at most 64 MiB/);
    // At the limit it is read (parsing 64 MiB of spaces is another matter: not done here).
    const under = write('just-under.json', `${text}${' '.repeat(MAX_BYTES - Buffer.byteLength(text))}`);
    expect(readScenarioBytes(under).ok).toBe(true);
  });
});

describe('encodings', () => {
  it('refuses UTF-16 and UTF-32, with or without a byte-order mark, saying which', () => {
    const cases: [string, Uint8Array, string][] = [
      ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'is UTF-16 (little-endian, with byte-order mark)'],
      ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'is UTF-16 (big-endian, with byte-order mark)'],
      ['utf16le', Buffer.from(text, 'utf16le'), 'looks like UTF-16 (little-endian, no byte-order mark)'],
      ['utf16be', utf16be(text), 'looks like UTF-16 (big-endian, no byte-order mark)'],
      ['utf32le-bom', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(text, true)]), 'is UTF-32 (little-endian, with byte-order mark)'],
      ['utf32be-bom', Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(text, false)]), 'is UTF-32 (big-endian, with byte-order mark)'],
      ['utf32le', utf32(text, true), 'looks like UTF-32 (little-endian, no byte-order mark)'],
      ['utf32be', utf32(text, false), 'looks like UTF-32 (big-endian, no byte-order mark)'],
    ];
    for (const [name, bytes, says] of cases) {
      const path = write(`${name}.json`, bytes);
      expect(refused(path), name).toBe(`${path}: the file ${says}, not UTF-8: save it as UTF-8`);
    }
  });

  it('accepts UTF-8 with a byte-order mark', () => {
    const path = write('utf8-bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(main([path], { out: () => {}, err: () => {} })).toBe(0);
  });

  it('points at the first byte that is not UTF-8 and names what the file looks like', () => {
    const latin1 = write('latin1.json', Buffer.from(text.replace('a small scenario', 'un scénario'), 'latin1'));
    expect(refused(latin1)).toBe(`${latin1}:4:18: byte 0xE9 is not UTF-8; the file looks like a single-byte code page such as Windows-1252 or ISO-8859-1 (Latin-1): save it as UTF-8`);
    const cp1252 = write('cp1252.json', Buffer.from(text.replace('a small scenario', '\u0093quoted\u0094'), 'latin1'));
    expect(refused(cp1252)).toMatch(/cp1252\.json:4:13: byte 0x93 is not UTF-8; the file looks like a single-byte code page/);
    // Hiragana in Shift_JIS: a multi-byte encoding chardet is sure of.
    const at = Buffer.from(text).indexOf('a small scenario');
    const kana = Buffer.from(Array.from({ length: 40 }, (_, i) => [0x82, 0x9f + ((i * 7) % 82)]).flat());
    const sjis = write('sjis.json', Buffer.concat([Buffer.from(text).subarray(0, at), kana, Buffer.from(text).subarray(at)]));
    expect(refused(sjis)).toBe(`${sjis}:4:13: byte 0x82 is not UTF-8; the file looks like Shift_JIS: save it as UTF-8`);
    // Overlong forms and encoded surrogates are not UTF-8 either.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const path = write('ill-formed.json', Buffer.concat([Buffer.from('{"title": "'), Buffer.from(bad), Buffer.from('"}')]));
      expect(refused(path)).toMatch(new RegExp(`ill-formed\\.json:1:12: byte 0x${bad[0]!.toString(16).toUpperCase()} is not UTF-8`));
    }
  });

  it('calls binary junk binary', () => {
    const png = write('picture.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(refused(png)).toMatch(/picture\.json:3:1: the file is binary data, not text \(byte 0x00, NUL\); a scenario is JSON text in UTF-8/);
    const controls = write('controls.json', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0x01))));
    expect(refused(controls)).toMatch(/controls\.json:1:1: the file is binary data, not text \(byte 0x01, a control character\)/);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), (bytes) => {
        refused(write('junk.json', bytes));
      }),
      { seed: 4242, numRuns: 60 },
    );
  });
});

describe('nesting', () => {
  it('refuses a file nested 100,000 levels deep, at the level past the limit', () => {
    const lists = write('deep-lists.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(refused(lists)).toBe(`${lists}:1:${MAX_DEPTH + 1}: the JSON nests more than ${MAX_DEPTH} levels deep here; a scenario nests 5 at most`);
    const objects = write('deep-objects.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(refused(objects)).toMatch(/deep-objects\.json:1:321: the JSON nests more than 64 levels deep/);
    const unclosed = write('deep-unclosed.json', `{"steps": ${'['.repeat(100_000)}`);
    expect(refused(unclosed)).toMatch(/deep-unclosed\.json:1:\d+: the JSON nests more than 64 levels deep/);
    // A ] inside an object is skipped by the parser, which goes on a level deeper at the next {.
    const skipped = write('deep-skipped.json', `{"a":${'{],"k":'.repeat(100_000)}1}`);
    expect(refused(skipped)).toMatch(/deep-skipped\.json:1:\d+: the JSON nests more than 64 levels deep/);
  });

  it('never counts less deep than the parser recurses', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"k"', '"k":', '1', '"', '\\', '\n', 'x', '/*', '*/', '//');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), (tokens) => {
        const json = tokens.join('');
        let depth = 0;
        let deepest = 0;
        const down = () => void (deepest = Math.max(deepest, ++depth));
        const up = () => void depth--;
        visit(json, { onObjectBegin: down, onArrayBegin: down, onObjectEnd: up, onArrayEnd: up }, { disallowComments: true });
        if (deepest > 0) expect(tooDeep(json, deepest - 1), json).toBeDefined();
      }),
      { seed: 77, numRuns: 3000 },
    );
  });
});

describe('files made to slow the messages down', () => {
  it('answers at once for a megabyte-long name, and quotes only the start of it', () => {
    const name = 'a'.repeat(MAX_BYTES - 1000);
    const s = sample() as unknown as { steps: Record<string, unknown>[] };
    s.steps[0]!.op = name;
    const started = performance.now();
    const err = refused(put(dir, 'long-op.json', s));
    expect(performance.now() - started).toBeLessThan(20_000); // measured against every name, it took 71 s and 0.9 GB
    expect(err).toMatch(/steps\[0\]\.op: unknown operation "a{57}\.\.\."\. Known: /);
    expect(err.length).toBeLessThan(2000);
  });

  it('answers at once for ten thousand bad steps, listing fifty and counting the rest', () => {
    const s = sample() as unknown as { steps: unknown[] };
    s.steps = Array.from({ length: 10_000 }, () => ({ op: 'disk.fill', freeBytes: 'lots' }));
    const started = performance.now();
    const lines = refused(put(dir, 'many.json', s)).split('\n');
    expect(performance.now() - started).toBeLessThan(30_000); // counting lines from the start for each problem, 14 s
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/many\.json:\d+:\d+: steps\[0\]\.freeBytes: expected an integer, got the string "lots"/);
    expect(lines[50]).toMatch(/many\.json: and 9950 more problems$/);
  });
});

describe('text from the file shown back', () => {
  // Controls (C0, DEL, C1), format characters (bidi overrides), separators, lone surrogates.
  const UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
  const nasty = 'red\u001b[31m bell\u0007 csi\u009b2J del\u007f rlo\u202eevil ls\u2028 lone\ud800 tab\t';
  const run = (...args: string[]) => {
    let out = '';
    let err = '';
    const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  };

  it('escapes control characters of the title, notes and arguments in the timeline', () => {
    const s = sample() as unknown as { title: string; steps: Record<string, unknown>[] };
    s.title = `title ${nasty}\nsecond line`;
    s.steps[0]!.note = `note ${nasty}\nline two\r`;
    s.steps[1]!.to = `Al${nasty}`;
    const r = run(put(dir, 'nasty.json', s));
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(UNSAFE);
    expect(r.out).toContain('title red\\u001b[31m bell\\u0007 csi\\u009b2J del\\u007f rlo\\u202eevil ls\\u2028 lone\\ud800 tab\\t\\nsecond line\n');
    expect(r.out).toContain('    note: note red\\u001b[31m bell\\u0007 csi\\u009b2J');
    expect(r.out).toContain('\n          line two\\r\n');
    expect(r.out).toMatch(/smtp\.deliver to="Alred\\u001b\[31m bell\\u0007 csi\\u009b2J/);

    const json = run('--json', join(dir, 'nasty.json'));
    expect(json.out).not.toMatch(UNSAFE);
    const data = JSON.parse(json.out);
    expect(data.title).toBe(s.title);
    expect(data.steps[0].note).toBe(s.steps[0]!.note);
  });

  it('escapes control characters of bad values and of the file name in error messages', () => {
    const s = sample() as unknown as { steps: Record<string, unknown>[] };
    s.steps[0]!.dir = `in${nasty}`;
    s.steps[2]!.op = `disk${nasty}`;
    const path = put(dir, 'bad\u001b]0;title\u0007 name\n.json', s);
    const r = run(path);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(UNSAFE);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.startsWith(`${dir}/bad\\u001b]0;title\\u0007 name\\n.json:`)).toBe(true);
    expect(lines[0]).toContain('steps[0].dir: "inred\\u001b[31m bell\\u0007 csi\\u009b2J del\\u007f rlo\\u202eevil ls\\u2028 lone\\ud800 tab\\t" is not a known dir');
  });
});
