// A bad scenario file gets a clear error naming the file, the place (line:column and JSON
// path) and the problem in plain words; loading never changes the file.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERPRETATIONS, INTERPRETATION_IDS } from '../../src/model/interpretations.ts';
import { position } from '../../src/scenario/problems.ts';
import { put, refusal, loadUntouched, sample, scratch } from './helpers.ts';

const dir = scratch('load');

/** The sample with one change made by `edit`, written to its own file. */
function broken(name: string, edit: (s: Record<string, any>) => void): string {
  const s = structuredClone(sample()) as Record<string, any>;
  edit(s);
  return put(dir, `${name}.json`, s);
}

describe('loading a scenario file', () => {
  it('gives the release, every reading, the operations and the expectations', () => {
    const loaded = loadUntouched(put(dir, 'good.json', sample()));
    if (loaded instanceof Error) throw loaded;
    expect(loaded.release).toEqual({ version: '4.0', servicePack: 0 });
    expect(Object.keys(loaded.readings).sort()).toEqual([...INTERPRETATION_IDS].sort());
    expect(loaded.readings).toEqual(DEFAULT_INTERPRETATIONS);
    expect(loaded.ops).toEqual([{ op: 'agent.delete', dir: 'in' }, { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' }, { op: 'disk.fill', freeBytes: 1048576 }]);
    expect(loaded.expectations).toEqual([undefined, { accepted: false, events: [4055] }, undefined]);
  });

  it('fills in the readings of the variant a failure was found on', () => {
    const loaded = loadUntouched(broken('variant', (s) => {
      s.version = '5.0';
      s.release = '5.0 SP0';
      s.judge = { properties: ['Q168139-C1 only bad headers and bad TNEF loop'], verdict: 'violated', claim: 'Q168139-C1' };
      s.origin = { kind: 'failure', property: 'Q168139-C1 only bad headers and bad TNEF loop', claim: 'Q168139-C1', seed: 1, path: '0', failure: 'f', step: 0, found: '2026-01-01T00:00:00Z', minimal: true, shrunkSteps: 1, variant: 'bad-mime-alone-loops' };
    }));
    if (loaded instanceof Error) throw loaded;
    expect(loaded.variant?.name).toBe('bad-mime-alone-loops');
    expect(loaded.readings.rewindTrigger).toBe('bad-mime-alone');
  });

  it('refuses a directory, a missing file and an empty file, naming the file', () => {
    const sub = join(dir, 'a-directory.json');
    mkdirSync(sub);
    expect(refusal(sub)).toBe(`${sub}: is a directory, not a scenario file`);
    expect(refusal(join(dir, 'nowhere.json'))).toBe(`${join(dir, 'nowhere.json')}: no such file`);
    expect(refusal(put(dir, 'empty.json', ''))).toMatch(/empty\.json: the file is empty/);
    expect(refusal(put(dir, 'blank.json', '  \n\n'))).toMatch(/blank\.json: the file is empty/);
  });

  it('says where JSON is truncated or is not JSON at all', () => {
    const text = `${JSON.stringify(sample(), null, 2)}\n`;
    const cut = text.slice(0, Math.floor(text.length / 2));
    const { line } = position(cut, cut.length);
    expect(refusal(put(dir, 'truncated.json', cut))).toMatch(new RegExp(`truncated\\.json:${line}:\\d+: the file ends too early: it looks truncated`));
    // Cut inside a string: reported where the string starts, and still recognised as truncation.
    expect(refusal(put(dir, 'cut-string.json', '{ "title": "Q146791 sto'))).toMatch(/cut-string\.json:1:12: the file ends too early: it looks truncated \(a string is not closed\)/);
    expect(refusal(put(dir, 'prose.json', 'This is a scenario, honest.\n'))).toMatch(/prose\.json:1:1: this is not JSON: unexpected "This/);
    expect(refusal(put(dir, 'comment.json', '// hello\n{}'))).toMatch(/comment\.json:1:1: comments are not allowed in JSON/);
    expect(refusal(put(dir, 'trailing.json', '{ "title": "t", }'))).toMatch(/trailing\.json:1:17: a comma before } is not allowed/);
    expect(refusal(put(dir, 'backslash.json', '{ "title": "C:\\exchsrvr" }'))).toMatch(/backslash\.json:1:\d+: a backslash in a string must be written/);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(refusal(put(dir, 'list.json', '[1, 2]'))).toMatch(/list\.json:1:1: expected a JSON object \(a scenario\), got a list/);
    expect(refusal(put(dir, 'number.json', '42'))).toMatch(/got a number/);
    expect(refusal(put(dir, 'string.json', '"steps"'))).toMatch(/got a string/);
  });

  it('names an unknown operation and the closest known one, or lists them', () => {
    expect(refusal(broken('typo-op', (s) => (s.steps[0].op = 'agent.delet')))).toMatch(/typo-op\.json:\d+:\d+: steps\[0\]\.op: unknown operation "agent\.delet"; did you mean "agent\.delete"\?/);
    const far = refusal(broken('far-op', (s) => (s.steps[0] = { op: 'reformat.disk' })));
    expect(far).toMatch(/steps\[0\]\.op: unknown operation "reformat\.disk"\. Known: agent\.delete, .*time\.pass/);
  });

  it('says what an argument should be and what it got, at the argument', () => {
    const path = broken('wrong-type', (s) => (s.steps[2].freeBytes = 'x'));
    const text = readFileSync(path, 'utf8');
    const at = position(text, text.indexOf('"x"'));
    expect(refusal(path)).toBe(`${path}:${at.line}:${at.column}: steps[2].freeBytes: expected an integer, got the string "x"`);
    expect(refusal(broken('fraction', (s) => (s.steps[2].freeBytes = 1.5)))).toMatch(/steps\[2\]\.freeBytes: expected an integer, got the number 1\.5/);
    expect(refusal(broken('boolean', (s) => (s.steps[1].to = true)))).toMatch(/steps\[1\]\.to: expected a string, got true/);
  });

  it('says an argument is out of range, with the range and its unit', () => {
    expect(refusal(broken('range', (s) => (s.steps[2].freeBytes = 3_000_000_000)))).toMatch(/steps\[2\]\.freeBytes: 3000000000 is out of range: expected from 0 to 2147483648 bytes/);
    expect(refusal(broken('negative', (s) => (s.steps[2].freeBytes = -1)))).toMatch(/steps\[2\]\.freeBytes: -1 is out of range/);
  });

  it('names an unknown argument, expectation or field at its key', () => {
    expect(refusal(broken('extra-arg', (s) => (s.steps[0].dri = 'in')))).toMatch(/steps\[0\]\.dri: unknown argument "dri" for agent\.delete; did you mean "dir"\? It takes dir/);
    expect(refusal(broken('extra-expect', (s) => (s.steps[1].expect.acepted = true)))).toMatch(/steps\[1\]\.expect\.acepted: unknown expectation "acepted"; did you mean "accepted"\?/);
    expect(refusal(broken('extra-field', (s) => (s.steps_ = [])))).toMatch(/steps_: unknown field "steps_"; did you mean "steps"\?/);
  });

  it('says "missing" for a missing field, with what it needs', () => {
    const message = refusal(broken('missing-arg', (s) => delete s.steps[0].dir));
    expect(message).toMatch(/steps\[0\]\.dir: missing; agent\.delete needs dir: one of work, in, out/);
    expect(message).not.toMatch(/Invalid/);
    expect(refusal(broken('missing-title', (s) => delete s.title))).toMatch(/title: missing; expected a string/);
    expect(refusal(broken('missing-op', (s) => delete s.steps[1].op))).toMatch(/steps\[1\]\.op: missing; every step names its operation/);
    expect(refusal(broken('missing-verdict', (s) => delete s.judge.verdict))).toMatch(/judge\.verdict: missing; expected one of holds, violated/);
  });

  it('names unknown versions, releases, interpretations and alternatives', () => {
    expect(refusal(broken('version', (s) => (s.version = '6.0')))).toMatch(/version: "6\.0" is not a known version; did you mean "4\.0"\? Known: 4\.0, 5\.0, 5\.5/);
    expect(refusal(broken('release', (s) => (s.release = '5.0 SP3')))).toMatch(/release: "5\.0 SP3" is not a known release/);
    expect(refusal(broken('reading', (s) => (s.interpretations = { lowDsk: 'write-fails' })))).toMatch(/interpretations\.lowDsk: unknown interpretation "lowDsk"; did you mean "lowDisk"\?/);
    expect(refusal(broken('alternative', (s) => (s.interpretations = { lowDisk: 'never' })))).toMatch(/interpretations\.lowDisk: "never" is not an alternative of the reading lowDisk\. Known: below-reserve, write-fails/);
  });

  it('refuses a version and service pack that do not make the release', () => {
    expect(refusal(broken('mismatch', (s) => (s.version = '5.5')))).toMatch(/release: "4\.0 SP0" does not match version "5\.5" and servicePack 0, which make "5\.5 SP0"/);
    expect(refusal(broken('no-such-sp', (s) => (s.servicePack = 7)))).toMatch(/servicePack: 4\.0 has no service pack 7; its levels are 0, 1, 2, 3, 4, 5/);
  });

  it('refuses unknown properties, a violation without a claim and unknown variants', () => {
    expect(refusal(broken('property', (s) => (s.judge.properties = ['Q146791-S2 missing in refuses mail'])))).toMatch(/judge\.properties\[0\]: unknown property "Q146791-S2 missing in refuses mail"; did you mean "Q146791-S2 missing in refuses inbound mail"\?/);
    expect(refusal(broken('no-claim', (s) => (s.judge.verdict = 'violated')))).toMatch(/judge\.verdict: a verdict of "violated" needs judge\.claim/);
    const variant = refusal(broken('variant-name', (s) => {
      s.judge = { properties: [], verdict: 'violated', claim: 'Q146791-S2' };
      s.origin = { kind: 'failure', property: 'p', claim: 'Q146791-S2', seed: 1, path: '0', failure: 'f', step: 0, found: 'now', minimal: true, shrunkSteps: 1, variant: 'spool-mend-in' };
    }));
    expect(variant).toMatch(/origin\.variant: unknown variant "spool-mend-in"; did you mean "spool-mends-in"\?/);
  });

  it('reports every problem, one line each, in the order of the file', () => {
    const lines = refusal(broken('several', (s) => {
      s.steps[0].dir = 'inn';
      s.steps[2].freeBytes = 'lots';
    })).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/several\.json:\d+:\d+: steps\[0\]\.dir: "inn" is not a known dir; did you mean "in"\?/);
    expect(lines[1]).toMatch(/several\.json:\d+:\d+: steps\[2\]\.freeBytes: expected an integer/);
  });
});
