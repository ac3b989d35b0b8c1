import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 20_000,
    // One test file at a time: the end-to-end suites compare each page with a twin loaded beside
    // it and time the content script, and two browsers loading pages at once on a 2-core machine
    // made layouts and timings differ for reasons that are not Crosscheck's.
    fileParallelism: false,
  },
});
