import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/consumer/**'],
    // The lifecycle tests start the whole fleet (four mocks with their Prism engine, four servers) several times.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
