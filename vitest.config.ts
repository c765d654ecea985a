import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Property runs are CPU-bound; two cores, two workers.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    projects: [
      {
        // The saved scenarios first: a known failure is reported before new cases are generated.
        extends: true,
        test: { name: 'regression', include: ['test/regression/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ['test/regression/**'], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
