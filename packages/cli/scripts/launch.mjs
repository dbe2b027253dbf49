// @ts-check
/**
 * How this repository runs `envspec` (`pnpm start`, `pnpm envspec …`): `src/bin.ts` compiled to
 * plain JavaScript (`compiled-entry.mjs`), so the running process has no TypeScript loader and the
 * Prism engine process is forked within ≈ 0.1 s of `node` starting. The first run after a change of
 * the sources compiles them (≈ 0.1–0.3 s). Should compiling fail (esbuild missing, say), `bin.ts`
 * runs through tsx instead, as any other script here does. Installed, `envspec` is the built
 * `dist/bin.js`; this file does not ship.
 *
 * ENVSPEC_START_CACHE_DIR moves the cache (tests use a folder of their own).
 */
import { fileURLToPath } from 'node:url';
import { compiledEntry } from './compiled-entry.mjs';

const entry = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const cacheDir =
  process.env.ENVSPEC_START_CACHE_DIR ??
  fileURLToPath(new URL('../../../node_modules/.cache/envspec-start', import.meta.url));

let compiled;
try {
  compiled = await compiledEntry({ entry, cacheDir });
} catch (error) {
  console.error(
    `envspec: could not compile ${entry} (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); running it through tsx`,
  );
}
if (compiled) {
  await import(compiled.url);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/bin.ts', import.meta.url).href);
}
