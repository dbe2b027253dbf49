import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The PostgreSQL tests start real clusters and replicas: their own task, `test:postgres`.
    exclude: [...configDefaults.exclude, 'test/postgres/**'],
  },
});
