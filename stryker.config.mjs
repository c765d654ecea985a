// StrykerJS for npm run mutate (scripts/mutate.ts): mutants of the model (src/model, src/mail),
// each judged by the properties alone (vitest.mutate.config.ts runs test/properties.test.ts only).
// scripts/mutate.ts sets `mutate` from --scope, and re-tests survivors when the properties change:
// run through it rather than a bare `npx stryker run`.

// A mutation run never reduces or saves a counterexample under scenarios/ (test/properties.test.ts
// reads IMS_SCENARIOS), and runs fewer generated cases per property than npm test does. Set here
// too so that a bare `npx stryker run` behaves the same; the test runners inherit the environment.
process.env.IMS_SCENARIOS = 'none';
process.env.IMS_RUNS ??= '30';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // npm run mutate -- --scope ... hands the scope over as JSON in IMS_MUTATE.
  mutate: process.env.IMS_MUTATE ? JSON.parse(process.env.IMS_MUTATE) : ['src/model/**/*.ts', 'src/mail/**/*.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  concurrency: 1,
  timeoutFactor: 3,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['scenarios', 'reports', 'coverage', '.tmp'],
};
