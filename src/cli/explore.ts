// npm run explore: every short history of a claim, breadth first. The report for people on
// stdout (or JSON with --json), the progress line on stderr; exit 0 when everything explored
// holds, 1 when a history does not (its scenario saved) or the model failed, 2 for bad options.

import { parseExploreArgs, USAGE, UsageError } from '../explore/args.ts';
import { exploreClaims, verifiedDepth } from '../explore/explore.ts';
import { ExploreProgress } from '../explore/progress.ts';
import { render } from '../explore/render.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseExploreArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`explore: ${e.message}\n(npm run explore -- --help for the options)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { json, help: _, ...rest } = options;
  const report = await exploreClaims({ ...rest, progress: new ExploreProgress(process.stderr) });
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : render(report));
  return report.tasks.length > 0 && verifiedDepth(report) >= 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
