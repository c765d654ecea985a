import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property runs are CPU-bound; two cores, two workers.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
