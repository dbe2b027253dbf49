import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests start the CLI as a child process a few times.
    testTimeout: 60_000,
  },
});
