import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end review runs the real CLI a few times; the docs test builds every page first.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
