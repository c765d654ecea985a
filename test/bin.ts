// The project's entry points as the tests start them in child processes. tsx compiles a
// command's ~150 modules again in every process (about 1.3 s here, most of a CLI test's time);
// test/globalSetup.ts bundles each entry once per test run with esbuild, tsx's own compiler,
// into BIN_DIR, and a child runs the bundle (about 0.5 s). A bundle keeps every module's own
// import.meta.url and sets argv[1] to the source file, so files found beside the sources
// (the schema, scenarios/, worker bootstraps) and the "am I the main module" checks are the
// same. An entry not bundled runs with tsx. `npm run NAME` itself, with tsx, is what the
// --help test runs (test/cli/help.test.ts).

import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const BIN_DIR = join(REPO, 'node_modules', '.cache', 'ims-harness', 'bin');

/** The entry points bundled: the commands of package.json and the tests' child-process fixtures. */
export const ENTRIES: readonly string[] = [
  'src/cli/campaign.ts',
  'src/cli/merge.ts',
  'src/cli/replay.ts',
  'src/cli/schema.ts',
  'src/cli/newArticle.ts',
  'src/cli/soak.ts',
  'src/cli/explore.ts',
  'scripts/bench.ts',
  'scripts/holes.ts',
  'scripts/mutate.ts',
  'test/scenario/fixtures/saveChild.ts',
  'test/scenario/fixtures/pause.ts',
];

const fromRepo = (entry: string): string => relative(REPO, isAbsolute(entry) ? entry : join(REPO, entry));

/** Where `entry`'s bundle is written (by test/globalSetup.ts). */
export const bundleOf = (entry: string): string => join(BIN_DIR, `${fromRepo(entry).replace(/[\\/]/g, '__').replace(/\.ts$/, '')}.mjs`);

/** What to put after `node` (process.execPath) to run `entry` (a path from the repository's root, or an absolute one). */
export function nodeArgs(entry: string): string[] {
  const bundle = bundleOf(entry);
  return existsSync(bundle) ? [bundle] : ['--import', import.meta.resolve('tsx'), join(REPO, fromRepo(entry))];
}

/** For `--import`: a preload module (the pause fixture), bundled if it was. */
export function importArg(entry: string): string {
  const bundle = bundleOf(entry);
  return existsSync(bundle) ? bundle : join(REPO, fromRepo(entry));
}
