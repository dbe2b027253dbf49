import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Against a real PostgreSQL: their own task, `test:postgres`.
    exclude: [...configDefaults.exclude, 'test/postgres/**'],
    // The end-to-end review runs the real CLI a few times; the docs test builds every page first.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
