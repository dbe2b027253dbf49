import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Their own tasks: test:consumer (the packed tarballs) and test:postgres (a real PostgreSQL).
    exclude: ['test/consumer/**', 'test/postgres/**'],
    // The lifecycle tests start the whole fleet (four mocks, their Prism engine, four servers) several times.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
