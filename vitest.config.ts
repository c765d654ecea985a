import { defineConfig } from 'vitest/config';

/** Test files that replace a module (vi.mock): they get a module graph of their own. */
const MOCKING = ['test/campaign/pending.test.ts'];

/**
 * The tool around the checks, tested as people meet it: its commands started as processes,
 * saves killed and raced, hostile files, the HTML pages in Chromium, the CI workflows run step
 * by step. `npm run test:tools` runs them; `npm test` runs everything else (the claims, the
 * saved scenarios, the model and the harness); CI runs both (.ci/run).
 */
const TOOLS = [
  'test/cli/**/*.test.ts',
  'test/ci/**/*.test.ts',
  'test/report/*.browser.test.ts',
  'test/report/cli.test.ts',
  'test/explore/cli.test.ts',
  'test/scenario/{atomicWrite,save,hostile,cli,message-cli,newArticle}.test.ts',
];

export default defineConfig({
  test: {
    // Property runs are CPU-bound; two cores, two workers.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    // The commands the tests start as child processes, bundled once (test/bin.ts).
    globalSetup: ['test/globalSetup.ts'],
    projects: [
      {
        // The saved scenarios first: a known failure is reported before new cases are generated.
        extends: true,
        test: { name: 'regression', include: ['test/regression/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        // Files in a worker share its module graph: the model, the properties and the libraries
        // are imported once per worker, not once per file (a third of the suite's time went there).
        extends: true,
        test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/regression/**', ...MOCKING, ...TOOLS], isolate: false, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'tools', include: TOOLS, isolate: false, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: { name: 'isolated', include: MOCKING, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
