// The vitest configuration for mutation runs (npm run mutate, stryker.config.mjs): the
// properties alone judge a mutant. Not the unit tests nor the scenario stories, which copy the
// model's tables and so would "kill" a mutant without saying anything about the properties.
// StrykerJS's vitest runner forces one worker, bail after the first failure, and no coverage.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/properties/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
