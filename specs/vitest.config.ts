import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The files only read the specs, their examples and the vendors' definitions (no vi.mock, spies or
    // process.env writes; the bundle cache is read-only): they share one worker's module graph instead of
    // parsing the bundles again for each.
    isolate: false,
  },
});
