import { defineConfig } from 'vitest/config';

/** `pnpm test:browser`: the mock called from a page in headless Chromium (Debian's, driven by playwright-core). */
export default defineConfig({
  test: { include: ['test/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
