import { defineConfig } from 'vitest/config';

/** End-to-end tests in real Chromium: one fork (the machine has 2 cores and Chromium wants one), long timeouts. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
