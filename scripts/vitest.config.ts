import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end review runs the real CLI a few times; the docs test may install Chromium first.
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
