import { configDefaults, defineConfig } from 'vitest/config';

// The page in Chromium runs on its own, with `pnpm test:browser`.
export default defineConfig({
  test: { exclude: [...configDefaults.exclude, 'test/**/*.browser.test.ts'] },
});
