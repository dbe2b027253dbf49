import { configDefaults, defineConfig } from 'vitest/config';

// The browser test needs Chromium: it runs on its own, with `pnpm test:browser`.
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    // The files share one worker's module graph instead of re-importing Prism's front end, the specs and
    // the vendor cores for each (a quarter of the run's CPU). Safe because no file changes module state
    // (no vi.mock, spies or process.env writes; the coherence matcher cache is keyed by template and
    // read-only in effect), and every file starts its own fleet or engine and stops it.
    isolate: false,
  },
});
