import { defineConfig } from 'vitest/config';

/** `pnpm test:postgres`: the tests against a real PostgreSQL (see test/support/postgres-cluster.ts). */
export default defineConfig({
  test: {
    include: ['test/postgres/**/*.test.ts'],
    // One file at a time: each runs its own cluster and replica processes, on a machine shared with other suites.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
