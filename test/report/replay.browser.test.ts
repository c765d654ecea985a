// npm run replay -- FILE --html OUT in a real browser (Chromium, driven by playwright-core).
// A counterexample found on a model variant, given a hostile title and note (markup, quotes,
// ampersands, control characters) and one wrong expectation, so that its verdict has two
// witness steps: the violation's and the mismatch's. Then the five articles' stories: every
// observation sits in the lane of its place, in the row of its time. No request but the
// document, no console error; the page prints; the screenshot is not blank.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import { main } from '../../src/cli/replay.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { replayTimeline } from '../../src/scenario/timeline.ts';
import { options } from '../campaign/helpers.ts';
import { expectOnlyTheDocument, pageSuite, pixels, visit } from './browser.ts';

const REPO = join(import.meta.dirname, '..', '..');
const WORK = join(REPO, '.tmp/report-test/replay');
const HOSTILE = `</title><script>alert("x")</script> & <b>bold</b> "double" 'single' \u0007bell \u0000nul \u001b[31m esc \u0085next`;

function replayCli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

let hostile: string;
let page: string;

const suite = pageSuite(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const report = await runCampaign(options({ claims: ['Q146791-S1'], versions: ['4.0'], runs: 20, variant: 'imc-ignores-disk-reserve', scenarios: join(WORK, 'found') }));
  const found = JSON.parse(readFileSync(report.claims[0]!.violations[0]!.scenario, 'utf8'));
  // The witness of the violation is the last step; a wrong expectation on the first adds a mismatch there.
  found.title = HOSTILE;
  found.steps[0] = { ...found.steps[0], note: `${HOSTILE}\nsecond line`, expect: { services: { MSExchangeIMC: 'Stopped' } } };
  hostile = join(WORK, 'hostile.json');
  writeFileSync(hostile, JSON.stringify(found, null, 2));
  const out = join(WORK, 'hostile.html');
  const r = replayCli(hostile, '--html', out);
  expect(r.code).toBe(1);
  page = readFileSync(out, 'utf8');
  return page;
});
const check = suite.check.bind(suite);

describe('a replayed scenario as a picture in Chromium', () => {
  check('marks the witness steps: the violation and the mismatch', async () => {
    const r = replay(loadScenario(hostile));
    const violation = r.verdict.judgements.find((j) => !j.verdict.holds)!.verdict;
    expect(violation.holds).toBe(false);
    const step = violation.holds ? -1 : violation.step;
    expect(step).toBeGreaterThan(0);
    const marked = await suite.v.page.locator('tbody.witness').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-step')), e.getAttribute('data-witness')]));
    expect(marked).toEqual([[0, 'mismatch'], [step, 'violation']]);
    for (const k of [0, step]) {
      const flag = suite.v.page.locator(`#scenario-step-${k} .witness-flag`);
      expect(await flag.isVisible()).toBe(true);
      expect(await flag.innerText()).toContain(`WITNESS STEP [${k}]`);
    }
    expect(await suite.v.page.locator('#scenario-step-0 .witness-why').innerText()).toContain('services.MSExchangeIMC: expected "Stopped", observed "Running"');
    expect(await suite.v.page.locator('.verdict').innerText()).toContain('does NOT behave as the file says (1 mismatch)');
    expect(await suite.v.page.locator('.verdict ul.witnesses a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#scenario-step-0', `#scenario-step-${step}`]);
  });

  check('shows hostile text as text: no markup, no script, control characters made visible', async () => {
    const title = await suite.v.page.locator('h1').innerText();
    expect(title).toContain('</title><script>alert("x")</script> & <b>bold</b> "double" \'single\'');
    // Each control character as the escape the scenario file holds it in.
    expect(title).toContain('\\u0007bell \\u0000nul \\u001b[31m esc \\u0085next');
    expect(await suite.v.page.title()).toContain('<script>alert("x")</script>');
    expect(await suite.v.page.locator('script, h1 b, .note b').count()).toBe(0);
    const note = await suite.v.page.locator('#scenario-step-0 .note').innerText();
    expect(note).toContain('<b>bold</b>');
    expect(note).toContain('\nsecond line');
    expect(suite.v.dialogs).toEqual([]);
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
  });

  check('makes no request but the document, and logs no error', async () => {
    await expectOnlyTheDocument(suite.v);
  });

  check('prints: the witness flag shows on paper, and a PDF comes out', async () => {
    await suite.v.page.emulateMedia({ media: 'print' });
    expect(await suite.v.page.locator('#scenario-step-0 .witness-flag').isVisible()).toBe(true);
    // On paper the picture fits the width: no lane is cut off at the right edge.
    const fits = await suite.v.page.locator('table.timeline').evaluate((t) => t.getBoundingClientRect().right <= t.ownerDocument.documentElement.clientWidth);
    expect(fits).toBe(true);
    const pdf = await suite.v.page.pdf({ format: 'A3', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await suite.v.page.emulateMedia({ media: 'screen' });
  });

  check('renders to a screenshot that is not blank', async () => {
    const p = pixels(await suite.v.page.screenshot({ fullPage: false }));
    expect(p).toMatchObject({ width: 1280, height: 900 });
    expect(p.colours).toBeGreaterThan(50);
    expect(p.nonWhite).toBeGreaterThan(0.1);
  });

  check('writes the same bytes for the same scenario, and still prints the text timeline', () => {
    const again = join(WORK, 'again.html');
    const r = replayCli(hostile, '--html', again);
    expect(r.code).toBe(1);
    expect(r.out).toContain('verdict: does NOT behave as the file says');
    expect(readFileSync(again, 'utf8')).toBe(page);
  });

  check("places every observation of each article's story in its lane, in the row of its time", async () => {
    const lanesOf: Record<string, (o: Record<string, unknown>) => RegExp> = {
      smtp: () => /^remote:/,
      connection: () => /^remote:/,
      service: (o) => new RegExp(`^service:${o.service as string}$`),
      event: () => /^eventlog$/,
      dialog: () => /^dialog$/,
      directory: () => /^spool:/,
      file: () => /^spool:/,
      failed: () => /^spool:/,
      acl: () => /^spool:/,
      disk: () => /^disk$/,
      recipient: () => /^directory$/,
      'admin-mailbox': () => /^directory$/,
      queue: (o) => (o.queue === 'Internet' ? /^internet$/ : /^mailbox /.test(o.queue as string) ? /^mailbox:/ : new RegExp(`^queue:${o.queue as string}$`)),
      logon: () => /^logons$/,
      'store-thread': (o) => new RegExp(`^thread:${o.thread as number}$`),
      release: () => /^server$/,
      note: () => /^server$/,
    };
    const kinds = new Set<string>();
    for (const name of ['Q146791', 'Q231737', 'Q183178', 'Q246115', 'Q168139']) {
      const out = join(WORK, `${name}.html`);
      expect(replayCli(join(REPO, `scenarios/${name}-story.json`), '--html', out).code).toBe(0);
      const t = replayTimeline(replay(loadScenario(join(REPO, `scenarios/${name}-story.json`))));
      const story = await visit(suite.browser, readFileSync(out, 'utf8'));
      try {
        const shown = await story.page.locator('tbody.step .ob[data-kind]').evaluateAll((els) =>
          els.map((e) => ({
            step: Number(e.closest('tbody')!.getAttribute('data-step')),
            clock: e.closest('tr')!.getAttribute('data-clock'),
            lane: e.closest('td')!.getAttribute('data-lane'),
            seq: Number(e.querySelector('.seq')!.textContent),
            kind: e.getAttribute('data-kind'),
          })),
        );
        const expected = t.steps.flatMap((s) => s.observations.map((o, k) => ({ step: s.index, seq: k + 1, clock: o.clock, kind: o.observation.kind, o })));
        expect(shown.length, name).toBe(expected.length);
        const byKey = new Map(shown.map((s) => [`${s.step}.${s.seq}`, s]));
        for (const e of expected) {
          const s = byKey.get(`${e.step}.${e.seq}`)!;
          expect(s, `${name} step ${e.step} observation ${e.seq}`).toBeDefined();
          expect(s.kind).toBe(e.kind);
          expect(s.clock, `${name} step ${e.step} observation ${e.seq}`).toBe(e.clock);
          expect(s.lane, `${name} step ${e.step} observation ${e.seq} (${e.kind})`).toMatch(lanesOf[e.kind]!(e.o.observation as unknown as Record<string, unknown>));
          kinds.add(e.kind);
        }
        // Rows read from top to bottom never reorder what happened.
        const rows = await story.page.locator('tbody.step tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.closest('tbody')!.getAttribute('data-step')), ...[...tr.querySelectorAll('.ob[data-kind] .seq')].map((x) => Number(x.textContent))]));
        let last = [-1, 0];
        for (const [step, ...seqs] of rows) {
          if (!seqs.length) continue;
          if (step !== last[0]) last = [step!, 0];
          expect(Math.min(...seqs), `${name} step ${step}`).toBeGreaterThan(last[1]!);
          last = [step!, Math.max(...seqs)];
        }
        expect(story.requests).toEqual([story.url]);
        expect(story.errors).toEqual([]);
        expect(await story.page.locator('tbody.witness').count()).toBe(0);
      } finally {
        await story.close();
      }
    }
    // The stories between them show every place the timeline knows.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['acl', 'admin-mailbox', 'connection', 'dialog', 'directory', 'event', 'failed', 'file', 'logon', 'queue', 'recipient', 'service', 'smtp', 'store-thread']));
  });
});
