// npm run soak -- [options]: random long histories over every release and reading, every law
// judging each; failures reduced and saved. Prints steps per second and peak memory. Exit 0
// when every law held, 1 when one broke, 2 for bad options.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { RELEASES, VERSIONS, releaseMatches, releaseName } from '../model/release.ts';
import { soak, soakReadings, soakReleases } from '../soak/soak.ts';
import { LAWS } from '../../properties/index.ts';
import { StatusLine } from './statusLine.ts';

export const USAGE = `usage: npm run soak -- [options]

Runs random histories of every operation, one after another, each judged by every law (the
invariants and liveness) when it ends; a history that breaks one is reduced and saved.

  --steps N          steps in all (default 100000, or until --budget)
  --budget SECONDS   start no run after this long (with --steps, whichever comes first)
  --length L         steps per history (default 1000)
  --seed S           the one seed everything derives from (default 20261121)
  --version V        only this version or level (repeatable; default: every release a claim is
                     checked on)
  --readings R       defaults, or all: every non-default alternative of every reading in turn
                     (default all)
  --scenarios DIR    where failures are saved (default reports/soak; none: not saved)
  --json             the result as JSON on stdout
  -h, --help         this text
Exit: 0 every law held, 1 a law broke, 2 bad options.
`;

class UsageError extends Error {}

function whole(name: string, text: string | undefined, fallback: number | null, min: number): number | null {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${name}: "${text}" is not a whole number from ${min}`);
  return Number(text);
}

export function main(argv: readonly string[]): number {
  let options;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        steps: { type: 'string' }, budget: { type: 'string' }, length: { type: 'string' }, seed: { type: 'string' },
        version: { type: 'string', multiple: true }, readings: { type: 'string' }, scenarios: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const versions = values.version ?? [];
    for (const v of versions) if (!RELEASES.some((r) => releaseMatches(v, r))) throw new UsageError(`--version: no release "${v}"; use a version (${VERSIONS.join(', ')}) or a level (${RELEASES.map(releaseName).join(', ')})`);
    if (!soakReleases(versions).length) throw new UsageError(`--version: no claim is checked on ${versions.join(', ')}`);
    const readings = values.readings ?? 'all';
    if (readings !== 'defaults' && readings !== 'all') throw new UsageError(`--readings: "${readings}" is neither defaults nor all`);
    const budget = whole('budget', values.budget, null, 1);
    const steps = whole('steps', values.steps, budget === null ? 100_000 : null, 1);
    options = {
      seed: whole('seed', values.seed, 20261121, 0)!,
      steps,
      budget,
      length: whole('length', values.length, 1000, 1)!,
      versions,
      readings: readings as 'defaults' | 'all',
      scenarios: values.scenarios === 'none' ? null : (values.scenarios ?? 'reports/soak'),
      json: values.json ?? false,
    };
  } catch (e) {
    if (!(e instanceof UsageError) && !(e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw e;
    process.stderr.write(`soak: ${(e as Error).message}\n(npm run soak -- --help for the options)\n`);
    return 2;
  }
  const status = new StatusLine(process.stderr);
  const started = performance.now();
  const goal = options.steps === null ? `${options.budget} s` : `${options.steps.toLocaleString('en-US')} steps`;
  const line = (runs: number, steps: number, peak: number) => {
    const s = (performance.now() - started) / 1000;
    const done = options.steps === null ? Math.min(1, s / options.budget!) : steps / options.steps;
    const bar = '#'.repeat(Math.round(done * 20)).padEnd(20, '.');
    return `soak [${bar}] ${runs} runs, ${steps.toLocaleString('en-US')} steps of ${goal}, ${s.toFixed(1)} s, ${Math.round(steps / Math.max(s, 1e-3)).toLocaleString('en-US')} steps/s, peak ${Math.round(peak)} MiB`;
  };
  const result = soak({ ...options, laws: LAWS }, (runs, steps, peak) => status.show(line(runs, steps, peak)));
  status.show(line(result.runs, result.steps, result.peakRssMiB), true);
  const perSecond = Math.round((result.steps / result.ms) * 1000);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...result, stepsPerSecond: perSecond, releases: soakReleases(options.versions).map(releaseName), readings: soakReadings(options.readings).map((r) => r.name) }, null, 2)}\n`);
  else {
    process.stdout.write(`${result.runs} histories, ${result.steps.toLocaleString('en-US')} steps in ${(result.ms / 1000).toFixed(1)} s: ${perSecond.toLocaleString('en-US')} steps/s on one of ${availableParallelism()} CPUs; peak memory ${result.peakRssMiB} MiB\n`);
    if (!result.failures.length) process.stdout.write('every law held\n');
    for (const f of result.failures) process.stdout.write(`${f.claim} broken in run ${f.run} (${f.release}, ${f.reading}): ${f.explanation.split('\n')[0]}${f.saved ? `\n  saved as ${f.saved}; replay it with: npm run replay -- ${f.saved}` : ''}\n`);
  }
  return result.failures.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
