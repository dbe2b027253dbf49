import { defineConfig } from 'vitest/config';

// The consumer test on its own (`test:consumer`): it packs and installs every publishable package,
// so it runs after turbo has built them all, apart from the package's own tests.
export default defineConfig({
  test: {
    include: ['test/consumer/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 420_000,
    // Output as it happens: the tarball table is part of the report.
    silent: false,
  },
});
