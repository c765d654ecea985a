// npm run merge -- a.json b.json ... [--report out.json] [--ledger]: the shards' reports merged
// into the report of the whole campaign, printed for people as npm start prints it, and the
// HTML report next to it (out.html), both written atomically. Exit 1 when a claim is violated
// under the default readings, 2 for bad arguments or reports that do not fit.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_REPORT } from '../campaign/args.ts';
import { paintFor } from '../campaign/colour.ts';
import { MergeError, mergeReports } from '../campaign/merge.ts';
import { render } from '../campaign/render.ts';
import { exitCode, serialise, type Report } from '../campaign/report.ts';
import { campaignPage } from '../report/campaignPage.ts';
import { htmlPathFor, writeHtml } from '../report/files.ts';
import { writeAtomically } from '../scenario/atomicWrite.ts';

export const USAGE = `Usage: npm run merge -- SHARD.json ... [--report FILE] [--ledger]

Merges the reports of the shards of one campaign (npm start -- --shard i/n --report FILE) into
the report of the whole campaign, equal to the one the unsharded campaign writes apart from
timings, and prints it as npm start does.

  SHARD.json ...   every shard's report, in any order: all n of them, each once
  --report FILE    the merged JSON report (default ${DEFAULT_REPORT}); the HTML report goes
                   next to it, with the same name ending in .html
  --ledger         also print the assumption ledger and the interpretations with their reasons
  --help           this text

Exit code: 0 when no claim is violated under the default readings, 1 when one is (or a task
crashed), 2 for bad arguments or reports that do not belong together (a shard missing or
given twice, different campaigns, different code).`;

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
      options: { report: { type: 'string' }, ledger: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (!positionals.length) throw new MergeError('no reports given');
    if (values.report !== undefined && !values.report.trim()) throw new MergeError('--report: needs a path');
    const out = values.report ?? DEFAULT_REPORT;
    const report = mergeReports(positionals.map(read));
    writeAtomically(out, serialise(report));
    const page = htmlPathFor(out);
    writeHtml(page, campaignPage(report));
    process.stdout.write(render(report, out, { ledger: values.ledger ?? false, paint: paintFor(process.stdout) }));
    process.stdout.write(`HTML report: ${page}\n`);
    return exitCode(report);
  } catch (e) {
    if (!(e instanceof MergeError) && !(e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    process.stderr.write(`merge: ${message}\n(npm run merge -- --help for the options)\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
