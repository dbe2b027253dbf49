import { configDefaults, defineConfig } from 'vitest/config';

// The browser test needs Chromium: it runs on its own, with `pnpm test:browser`.
export default defineConfig({
  test: { exclude: [...configDefaults.exclude, 'test/browser/**'] },
});
