import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Only the harness's pure parts (statistics, targets, rendering): `pnpm test` never runs a benchmark.
  test: { include: ['test/**/*.test.ts'] },
});
