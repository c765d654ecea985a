// npm run replay -- --message FILE --version RELEASE [--to NAME] [--interpretation ID=ALT ...]
// [--wait SECONDS]: what would this real message do to that release? It builds a small
// scenario (the server on that release, the message delivered by SMTP as it is, time passing,
// a logon), writes no file, prints the timeline with the judges' reading and the verdict, and
// exits 0, 1 or 2 as replay does. Run as a child process, as a user runs it.

import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeArgs } from '../bin.ts';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/replay.ts';
import { REPO, put, scratch } from './helpers.ts';

const dir = scratch('message-cli');
const NAME = 'bad-headers-bad-tnef.eml';
const ID = '000d01be7e5a$5c2aeaa0$1900000a@partner.example';
for (const name of [NAME, 'good.eml']) copyFileSync(join(REPO, 'test/scenario/fixtures/mails', name), join(dir, name));
const JUDGES = `    judges: MIME header-without-colon (header); charsets "iso-8859-1" (part 1, text/plain); TNEF found: truncated; forwarded none (1603 bytes, given: ${NAME})\n`;


/** The replay command in the scratch directory (its own file names are relative to it). */
function replayCli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...nodeArgs('src/cli/replay.ts'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Names, sizes and modification times of everything in the scratch directory. */
const listing = () => readdirSync(dir).map((n) => `${n} ${statSync(join(dir, n)).size} ${statSync(join(dir, n)).mtimeMs}`).sort();

describe('npm run replay -- --message', () => {
  it('on 5.0 SP0: the message with bad MIME headers and bad TNEF sends the store into the rewind loop; the judges\' reading is shown; no file is written', () => {
    const before = listing();
    const r = replayCli('--message', NAME, '--version', '5.0 SP0');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^bad-headers-bad-tnef\.eml, delivered by SMTP to Alice on 5\.0 SP0\nfile      bad-headers-bad-tnef\.eml\nrelease   5\.0 SP0 \(Internet Mail Service\)\n/);
    expect(r.out).toContain(`[0] t+15s  1999-04-05 09:00:15  smtp.deliver to=Alice message=${NAME} (1603 bytes)\n`);
    expect(r.out).toContain(`    => accepted: 250 OK [${ID}]\n${JUDGES}`);
    expect(r.out).toContain(`[1] t+16s  1999-04-05 09:00:16  time.pass seconds=60\n`);
    expect(r.out).toContain(`    t+25s   store     thread 1 rewinding on ${ID}\n`);
    expect(r.out).toContain('[2] t+76s  1999-04-05 09:01:16  client.logon client="Exchange Client"\n');
    expect(r.out).toContain('judged by Q168139-C1 only bad headers and bad TNEF loop: each must say it holds\n');
    expect(r.out).toContain('  ✓ Q168139-C1 only bad headers and bad TNEF loop: holds\n');
    expect(r.out).not.toContain('mailbox of Alice');
    expect(listing()).toEqual(before);
  });

  it('on 5.0 SP2: the same message is converted and reaches the mailbox, with no loop', () => {
    const r = replayCli('--message', NAME, '--version', '5.0 SP2');
    expect(r.code).toBe(0);
    expect(r.out).toContain(JUDGES);
    expect(r.out).not.toContain('rewinding');
    expect(r.out).toContain(`queue     mailbox of Alice + ${ID}`);
  });

  it('takes the recipient, the readings and the time to wait, and gives the same as JSON', () => {
    const r = replayCli('--message', NAME, '--version', '5.0 SP0', '--to', 'Bob', '--interpretation', 'rewindTrigger=bad-mime-alone', '--wait', '5', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.readings).toEqual({ rewindTrigger: 'bad-mime-alone' });
    expect(data.steps.map((s: { call: string }) => s.call)).toEqual([`smtp.deliver to=Bob message=${NAME} (1603 bytes)`, 'time.pass seconds=5', 'client.logon client="Exchange Client"']);
    expect(data.steps[0].message).toMatchObject({ source: 'given', file: NAME, messageId: ID, findings: [{ defect: 'header-without-colon', part: '' }], tnef: { defects: ['truncated'] } });
    expect(data.steps[0].observations.map((o: { observation: { line?: string } }) => o.observation.line)).toContain('RCPT TO:<bob@example.com>');
  });

  it('under a reading that breaks a claim on this message, exits 1 with the violation', () => {
    // Bad MIME headers alone loop under this reading: the well-formed TNEF message with a bad header loops, which Q168139-C1 says it must not.
    const bad = readFileSync(join(dir, 'good.eml'), 'latin1').replace('X-Priority: 3', 'X-Priority 3');
    put(dir, 'bad-headers.eml', bad);
    const r = replayCli('--message', 'bad-headers.eml', '--version', '5.0 SP0', '--interpretation', 'rewindTrigger=bad-mime-alone');
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ Q168139-C1 only bad headers and bad TNEF loop: violated Q168139-C1');
  });

  it('exits 2 for a bad message or bad arguments, saying which, with nothing on stdout', () => {
    put(dir, 'no-id.eml', 'From: carol@partner.example\r\nTo: alice@example.com\r\n\r\nHello.\r\n');
    const at = (name: string) => join(dir, name);
    const cases: [string[], string][] = [
      [['--message', at('odd.eml'), '--version', '5.0 SP0'], `${at('odd.eml')}: no such file\n`],
      [['--message', at('no-id.eml'), '--version', '5.0 SP0'], `${at('no-id.eml')}: the message has no Message-ID; the model names a message by it in the spool and the store, and the checkers follow it by that name: give it one (a header line such as "Message-ID: <1@remote.example>")\n`],
      [['--message', dir, '--version', '5.0 SP0'], `${dir}: is a directory, not a message file\n`],
      [['--message', at(NAME)], '--message needs --version: the release to ask about, as "5.0 SP0"\n\nusage:'],
      [['--message', at(NAME), '--version', '5.0'], '--version "5.0" names a version, not a release: releases are named by their level, as in "5.0 SP0"\n\nusage:'],
      [['--message', at(NAME), '--version', '5.0 SP0', '--interpretation', 'rewindTrigger'], '--interpretation takes ID=ALTERNATIVE (as rewindTrigger=bad-mime-alone), not "rewindTrigger"\n\nusage:'],
      [['--message', at(NAME), '--version', '5.0 SP0', '--interpretation', 'rewindTrigger=never'], '--interpretation: "never" is not an alternative of the reading rewindTrigger. Known: both, bad-mime-alone, bad-tnef-alone, either\n\nusage:'],
      [['--message', at(NAME), '--version', '5.0 SP0', '--wait', 'soon'], '--wait takes whole seconds from 1 to 86400, not "soon"\n\nusage:'],
      [['--message', at(NAME), '--version', '5.0 SP0', 'scenario.json'], 'give a scenario file or --message, not both\n\nusage:'],
      [[join(REPO, 'scenarios/Q168139-story.json'), '--version', '5.0 SP0'], '--version goes with --message only\n\nusage:'],
    ];
    for (const [args, err] of cases) {
      let out = '';
      let text = '';
      const code = main(args, { out: (t) => void (out += t), err: (t) => void (text += t) });
      expect([code, out], args.join(' ')).toEqual([2, '']);
      expect(text.startsWith(err), `${args.join(' ')}: ${text}`).toBe(true);
    }
    // And as the exit status of the process.
    const r = replayCli('--message', 'no-id.eml', '--version', '5.0 SP0');
    expect([r.code, r.out, r.err]).toEqual([2, '', cases[1]![1].replace(at('no-id.eml'), 'no-id.eml')]);
  });

  it('runs as npm run replay', () => {
    const r = spawnSync('npm', ['run', '--silent', 'replay', '--', '--message', join(dir, NAME), '--version', '5.0 SP0'], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`thread 1 rewinding on ${ID}`);
    expect(r.stdout).toContain('    judges: MIME header-without-colon (header); charsets "iso-8859-1" (part 1, text/plain); TNEF found: truncated; forwarded none (1603 bytes, given: ');
  });
});
