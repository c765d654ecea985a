// StrykerJS for npm run mutate (scripts/mutate.ts): mutants of the model (src/model, src/mail),
// each judged by the properties alone (vitest.mutate.config.ts runs test/properties/ only).
// scripts/mutate.ts sets `mutate` from --scope, and re-tests survivors when the properties change:
// run through it rather than a bare `npx stryker run`. StrykerJS 9.6 (10.x needs Node 22).

// A mutation run never reduces or saves a counterexample under scenarios/ (test/properties/
// reads IMS_SCENARIOS), and runs fewer generated cases per property than npm test does. Set here
// too so that a bare `npx stryker run` behaves the same; the test runners inherit the environment.
process.env.IMS_SCENARIOS = 'none';
process.env.IMS_RUNS ??= '30';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // One test file, which imports the whole model: vitest's "related" search narrows nothing.
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  // Mutants that do not type-check are discarded before any test runs (about half, under strict).
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // npm run mutate -- --scope ... hands the scope over as JSON in IMS_MUTATE.
  mutate: process.env.IMS_MUTATE ? JSON.parse(process.env.IMS_MUTATE) : ['src/model/**/*.ts', 'src/mail/**/*.ts'],
  // Each mutant runs only the (property, release) tests that reached its code in the initial run.
  coverageAnalysis: 'perTest',
  // A mutant reached only while modules load (a module-level constant) would need every test
  // with a fresh module graph; it is reported as Ignored instead.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // With a checker, Stryker makes ceil(n/2) checker and floor(n/2) || 1 test runner processes, and
  // one more test runner once checking is done: 1 and 2 both give one checker and one runner.
  concurrency: 1,
  // The properties are deterministic (pinned seed) but share two cores with other work. A loop a
  // mutant makes endless is caught by Stryker's hit limit (100 times the initial run's hits), not
  // by the clock, so a generous time-out costs little and keeps load from passing for a kill.
  timeoutFactor: 3,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['scenarios', 'reports', 'coverage', '.tmp'],
};
