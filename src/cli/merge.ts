// npm run merge -- a.json b.json ... [--report out.json]: the shards' reports merged into the
// report of the whole campaign, printed for people as npm start prints it, and the HTML report
// next to it (out.html), both written atomically. Exit 1 when a claim is violated under the
// default readings, 2 for bad arguments or reports that do not fit.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_REPORT } from '../campaign/args.ts';
import { MergeError, mergeReports } from '../campaign/merge.ts';
import { render } from '../campaign/render.ts';
import { exitCode, serialise, type Report } from '../campaign/report.ts';
import { campaignPage } from '../report/campaignPage.ts';
import { htmlPathFor, writeHtml } from '../report/files.ts';
import { writeAtomically } from '../scenario/atomicWrite.ts';

const USAGE = `Usage: npm run merge -- SHARD.json ... [--report FILE]

Merges the reports of the shards of one campaign (npm start -- --shard i/n) into one report,
equal to the one the unsharded campaign writes apart from timings (default ${DEFAULT_REPORT}),
and writes the HTML report next to it (the same name ending in .html).`;

function read(path: string): Report {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (e) {
    throw new MergeError(`${path}: ${(e as Error).message}`);
  }
}

export function main(argv: readonly string[]): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { report: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!positionals.length) throw new MergeError('no reports given');
    const out = values.report ?? DEFAULT_REPORT;
    const report = mergeReports(positionals.map(read));
    writeAtomically(out, serialise(report));
    const page = htmlPathFor(out);
    writeHtml(page, campaignPage(report));
    process.stdout.write(render(report, out));
    process.stdout.write(`HTML report: ${page}\n`);
    return exitCode(report);
  } catch (e) {
    if (!(e instanceof MergeError) && !(e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    process.stderr.write(`merge: ${(e as Error).message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
