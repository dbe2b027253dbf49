import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only the harness's pure parts (statistics, targets, rendering): `pnpm test` never runs a benchmark.
    include: ['test/**/*.test.ts'],
    // Pure functions with no module state: the files share one worker's module graph instead of
    // importing it again for each.
    isolate: false,
  },
});
