import { defineConfig } from 'vitest/config';

// The stress tests: many processes at once, minutes long, so they run alone, after the unit tests.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
