// npm start: the campaign. The tables for people on stdout, the progress line on stderr, the
// JSON report in a file and the HTML report next to it (same name, .html), both written
// atomically (a reader or a kill never sees half a report); exit 1 when a claim is violated
// under the default readings, 2 for bad options.

import { parseCampaignArgs, USAGE, UsageError } from '../campaign/args.ts';
import { runCampaign } from '../campaign/campaign.ts';
import { paintFor } from '../campaign/colour.ts';
import { addExploration } from '../explore/campaign.ts';
import { render } from '../campaign/render.ts';
import { exitCode, serialise } from '../campaign/report.ts';
import { campaignPage } from '../report/campaignPage.ts';
import { htmlPathFor, writeHtml } from '../report/files.ts';
import { writeAtomically } from '../scenario/atomicWrite.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseCampaignArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`campaign: ${e.message}\n(npm start -- --help for the options)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const campaign = await runCampaign(options);
  const report = options.exploreBudget > 0 ? await addExploration(campaign, { budget: options.exploreBudget, workers: options.workers, scenarios: options.scenarios, progress: options.progress }) : campaign;
  writeAtomically(options.report, serialise(report));
  const page = htmlPathFor(options.report);
  writeHtml(page, campaignPage(report));
  process.stdout.write(render(report, options.report, { ledger: options.ledger, paint: paintFor(process.stdout) }));
  process.stdout.write(`HTML report: ${page}\n`);
  return exitCode(report);
}

process.exitCode = await main(process.argv.slice(2));
