import { defineConfig } from 'vitest/config';

/** `pnpm test:postgres`: the tests against a real PostgreSQL (`@envspec/testkit`'s startPostgresCluster). */
export default defineConfig({
  test: {
    include: ['test/postgres/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
