import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests start the CLI as a child process a few times.
    testTimeout: 60_000,
    // The files share one worker's module graph instead of re-importing the specs and the rule table for
    // each. Safe because no file changes module state (no vi.mock, spies or process.env writes).
    isolate: false,
  },
});
