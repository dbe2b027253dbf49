import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The PostgreSQL tests start real clusters and replicas: their own task, `test:postgres`.
    exclude: [...configDefaults.exclude, 'test/postgres/**'],
    // The files share one worker's module graph instead of re-importing Express, the validator and the
    // specs for each (7.5 s of a 40 s run). Safe because no file changes module state: no vi.mock or
    // spies, no process.env writes; the modules' own caches (bundles, credential digests) are read-only
    // after first use, and every file builds its own apps, stores and servers and closes them.
    isolate: false,
  },
});
