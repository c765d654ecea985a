// For every delivery, the timeline shows how the judges read the message sent: the MIME
// judge's findings with where each is (the header, or a part path), the charsets, whether
// TNEF was found and its defects, and the forwarded messages, read the same way; for a
// generated message (made again as the interpreter made it) and a given one alike; in the
// text, in --json and in the HTML timeline.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayPage } from '../../src/report/replayPage.ts';
import { FORMAT } from '../../src/scenario/format.ts';
import { scenarioFiles } from '../../src/scenario/list.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { renderTimeline, replayTimeline, timelineJson } from '../../src/scenario/timeline.ts';
import { REPO, put, scratch } from './helpers.ts';

const dir = scratch('judges');
const NAME = 'bad-headers-bad-tnef.eml';
const ID = '000d01be7e5a$5c2aeaa0$1900000a@partner.example';
mkdirSync(join(dir, 'mails'));
copyFileSync(join(REPO, 'test/scenario/fixtures/mails', NAME), join(dir, 'mails', NAME));

const scenario = (steps: unknown[]) => ({
  format: FORMAT, title: 'what the judges read', version: '5.0', servicePack: 0, release: '5.0 SP0', interpretations: {},
  judge: { properties: [], verdict: 'holds' }, origin: { kind: 'story', article: 'Q168139' }, steps,
});

const r = replay(loadScenario(put(dir, 'judges.json', scenario([
  { op: 'smtp.deliver', to: 'Alice', message: { file: `mails/${NAME}` } },
  { op: 'smtp.deliver', to: 'Bob', mime: 'missing-boundary', tnef: 'good', embedded: 'bad-mime-version' },
  { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none', charset: 'malformed' },
  { op: 'time.pass', seconds: 30 },
]))));
const t = replayTimeline(r);
const text = renderTimeline(t);

const GIVEN = 'judges: MIME header-without-colon (header); charsets "iso-8859-1" (part 1, text/plain); TNEF found: truncated; forwarded none (1603 bytes, given: mails/bad-headers-bad-tnef.eml)';

describe('the judges\' reading of each delivered message', () => {
  it('is a line of the step in the text, for a given message and a generated one', () => {
    expect(text).toContain(`[0] t+15s  1999-04-05 09:00:15  smtp.deliver to=Alice message=mails/${NAME} (1603 bytes)\n`);
    expect(text).toContain(`    => accepted: 250 OK [${ID}]\n    ${GIVEN}\n`);
    expect(text).toMatch(/\n {4}judges: MIME missing-boundary \(header\); charsets "us-ascii" \(part 1, text\/plain\); TNEF found, good; forwarded part 2 <fwd\.2\.16@remote\.example> \[MIME bad-mime-version \(header\); charsets "us-ascii" \(header, text\/plain\); TNEF none; forwarded none\] \(\d+ bytes, generated\)\n/);
    expect(text).toMatch(/\n {4}judges: MIME bad-charset \(part 1\); charsets "" \(part 1, text\/plain: not a charset name\); TNEF none; forwarded none \(\d+ bytes, generated\)\n/);
    expect(text.match(/\n {4}judges: /g)).toHaveLength(3);
  });

  it('is data in --json: where each finding is, the charsets, the TNEF defects, the forwarded messages', () => {
    const data = JSON.parse(timelineJson(t));
    expect(data.steps[0].message).toEqual({
      source: 'given', file: `mails/${NAME}`, bytes: 1603, messageId: ID,
      findings: [{ defect: 'header-without-colon', part: '' }],
      charsets: [{ part: '1', type: 'text/plain', charset: 'iso-8859-1', valid: true }],
      tnef: { defects: ['truncated'] }, forwarded: [],
    });
    expect(data.steps[1].message).toMatchObject({
      source: 'generated', messageId: '2.16@remote.example', findings: [{ defect: 'missing-boundary', part: '' }], tnef: { defects: [] },
      forwarded: [{ part: '2', messageId: 'fwd.2.16@remote.example', findings: [{ defect: 'bad-mime-version', part: '' }], forwarded: [] }],
    });
    expect(data.steps[3].message).toBeUndefined();
  });

  it('is shown in the HTML timeline', () => {
    const page = replayPage(r);
    expect(page).toContain(`judges: <span class="pre">${GIVEN.slice('judges: '.length).replaceAll('"', '&quot;')}</span>`);
  });

  it('reads, for a generated message, the very bytes the interpreter sent (the same Message-ID), in every saved scenario', () => {
    for (const path of scenarioFiles(join(REPO, 'scenarios'))) {
      const steps = replayTimeline(replay(loadScenario(path))).steps.filter((s) => s.op.op === 'smtp.deliver');
      for (const s of steps) expect(s.message?.messageId, `${path} step ${s.index}`).toBe(s.outcome.messageId);
    }
  });
});
