import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each vendor's file owns its vendor's state; files for different vendors run side by side.
    fileParallelism: true,
  },
});
