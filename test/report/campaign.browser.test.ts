// The campaign's HTML report in a real browser (Chromium, driven by playwright-core): a small
// campaign on a model variant that breaks Q146791-S1, so that the page has a violation under
// the default readings and counterexamples from the matrix. Checked as a person would: a row
// per claim and law with its verdict, the matrix, the ledger, each counterexample's timeline
// with its witness step marked; no console errors, no failed requests, no request but the
// document; a screenshot that is not blank. With IMS_SCREENSHOTS=docs (npm run screenshots) the
// run writes docs/report.png and docs/timeline.png (1280x900) for the README; otherwise they go
// to reports/screenshots/, so that npm test leaves tracked files alone.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCampaign } from '../../src/campaign/campaign.ts';
import type { Report } from '../../src/campaign/report.ts';
import { campaignPage, counterexamplesOf } from '../../src/report/campaignPage.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { replay } from '../../src/scenario/replay.ts';
import { options } from '../campaign/helpers.ts';
import { expectOnlyTheDocument, pageSuite, pixels } from './browser.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** Where the screenshots go: the README's pictures only when asked for. */
const SHOTS = join(REPO, process.env.IMS_SCREENSHOTS === 'docs' ? 'docs' : 'reports/screenshots');
/** Relative to the repository (vitest's working directory), so that paths on the page, and so the screenshots, are the same on every machine. */
const WORK = '.tmp/report-test/campaign';

let report: Report;
let text: string;

const suite = pageSuite(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  report = await runCampaign(options({ articles: ['Q146791'], runs: 10, matrix: true, variant: 'imc-ignores-disk-reserve', scenarios: `${WORK}/scenarios` }));
  text = campaignPage(report);
  writeFileSync(`${WORK}/campaign.html`, text);
  return text;
});
const check = suite.check.bind(suite);

const expectedRows = () => [...report.claims, ...report.invariants];

describe('the campaign report in Chromium', () => {
  check('has one row per claim and per law, each showing its verdict, runs and coverage', async () => {
    const expected = expectedRows();
    expect(expected.length).toBe(new Set(report.claims.map((c) => c.id)).size + report.invariants.length);
    expect(report.claims.every((c) => c.article === 'Q146791')).toBe(true);
    const rows = suite.v.page.locator('#verdict-table tr[data-id]');
    await expect.poll(() => rows.count()).toBe(expected.length);
    for (const [k, r] of expected.entries()) {
      const row = rows.nth(k);
      expect(await row.getAttribute('data-id')).toBe(r.id);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toContain(r.id);
      expect(cells[1]).toBe(r.article);
      expect(cells[4]).toBe(r.runs.toLocaleString('en-US'));
      expect(cells[6]).toContain(`${r.coverage.toLocaleString('en-US')} of ${r.runs.toLocaleString('en-US')}`);
      expect(cells[7]).toMatch(new RegExp(`^${r.verdict}`));
      expect(await row.locator('.badge').isVisible()).toBe(true);
    }
    expect(await suite.v.page.locator('#verdict-table tr[data-id="Q146791-S1"] .badge').innerText()).toBe('violated');
    expect(await suite.v.page.locator('#verdict-table tr[data-verdict="holds"]').count()).toBe(expectedRows().filter((r) => r.verdict === 'holds').length);
    expect(expectedRows().filter((r) => r.verdict === 'holds').length).toBeGreaterThan(0);
  });

  check('links the violation to its counterexample, whose timeline marks the witness step', async () => {
    const link = suite.v.page.locator('#verdict-table tr[data-id="Q146791-S1"] a[href^="#cx-"]');
    expect(await link.count()).toBe(1);
    const target = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => new URL(suite.v.page.url()).hash).toBe(target);
    const section = suite.v.page.locator(target);
    expect(await section.isVisible()).toBe(true);
    const witness = section.locator('tbody.witness');
    expect(await witness.count()).toBeGreaterThan(0);
    expect(await witness.first().locator('.witness-flag').isVisible()).toBe(true);
    expect(await witness.first().locator('.witness-flag').innerText()).toMatch(/WITNESS STEP \[\d+\]/);
  });

  check('shows every saved counterexample, each replayed, with the step its violation names marked', async () => {
    const found = counterexamplesOf(report);
    // One per scenario the report names: the default readings' violations and the matrix's breaks.
    const named = new Set([...expectedRows().flatMap((r) => r.violations.map((x) => x.scenario)), ...report.matrix.flatMap((m) => m.breaks.map((b) => b.scenario))]);
    expect(found.length).toBe(named.size);
    expect(found.length).toBeGreaterThan(1);
    expect(await suite.v.page.locator('.counterexample').count()).toBe(found.length);
    for (const c of found) {
      const r = replay(loadScenario(c.path));
      const steps = r.verdict.judgements.flatMap((j) => (j.verdict.holds ? [] : [j.verdict.step]));
      expect(steps.length).toBeGreaterThan(0);
      const section = suite.v.page.locator(`#${c.anchor}`);
      const marked = await section.locator('tbody.witness').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))));
      expect(marked).toEqual([...new Set(steps)].sort((a, b) => a - b));
      // Every step of the scenario has its block, in order, and each observation sits in a lane.
      expect(await section.locator('tbody.step').count()).toBe(r.history.steps.length);
      const seen = r.history.steps.reduce((n, s) => n + s.seen.length, 0);
      const shown = await section.locator('tbody.step .ob[data-kind]').count();
      expect(shown).toBe(seen);
    }
  });

  check('shows the interpretation matrix, the ledger and the interpretations', async () => {
    expect(await suite.v.page.locator('#matrix-grid tbody tr[data-alternative]').count()).toBe(report.matrix.length);
    const breaks = report.matrix.reduce((n, m) => n + m.breaks.length, 0);
    expect(await suite.v.page.locator('#matrix-grid td[data-cell="breaks"]').count()).toBeLessThanOrEqual(breaks);
    expect(await suite.v.page.locator('#matrix-grid td[data-cell="breaks"] a[href^="#cx-"]').count()).toBe(breaks);
    expect(await suite.v.page.locator('#assumption-ledger tbody tr').count()).toBe(report.assumptions.length);
    expect(await suite.v.page.locator('.interpretation').count()).toBe(report.interpretations.length);
    for (const i of report.interpretations) {
      expect(await suite.v.page.locator(`.interpretation[data-interpretation="${i.id}"] tr.default`).innerText()).toContain(i.default);
    }
  });

  check('makes no request but the document, and logs no error', async () => {
    await expectOnlyTheDocument(suite.v);
    expect(await suite.v.page.locator('script, link[rel="stylesheet"], img, iframe, object, embed').count()).toBe(0);
  });

  check('is the same page, byte for byte, for the same report (timings aside)', () => {
    expect(campaignPage(report)).toBe(text);
    const other: Report = { ...report, timings: { elapsedMs: 1, workers: 9, stepsPerSecond: 2, tasks: {} } };
    expect(campaignPage(other)).toBe(text);
  });

  check('renders to a screenshot that is not blank, and writes the README pictures', async () => {
    await suite.v.page.locator('body').evaluate((e) => e.ownerDocument.defaultView.scrollTo(0, 0));
    const top = await suite.v.page.screenshot({ fullPage: false });
    const p = pixels(top);
    expect(p).toMatchObject({ width: 1280, height: 900 });
    expect(p.colours).toBeGreaterThan(50);
    expect(p.nonWhite).toBeGreaterThan(0.1);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'report.png'), top);

    await suite.v.page.locator('#cx-1').evaluate((e) => e.scrollIntoView());
    const timeline = await suite.v.page.screenshot({ fullPage: false });
    const q = pixels(timeline);
    expect(q).toMatchObject({ width: 1280, height: 900 });
    expect(q.colours).toBeGreaterThan(50);
    expect(q.nonWhite).toBeGreaterThan(0.1);
    writeFileSync(join(SHOTS, 'timeline.png'), timeline);
  });
});
