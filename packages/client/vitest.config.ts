import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The files share one worker's module graph instead of re-importing openapi-fetch, the mocks and the
    // servers for each. Safe because no file changes module state (no vi.mock, spies or process.env
    // writes): each starts its own targets and scripted servers and closes them.
    isolate: false,
  },
});
