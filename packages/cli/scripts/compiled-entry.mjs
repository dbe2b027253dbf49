// @ts-check
/**
 * A TypeScript entry point compiled to plain JavaScript once, and again only after one of its
 * sources changed, so the process that runs it carries no TypeScript loader. Node 20 cannot run
 * TypeScript itself, and tsx costs ≈ 0.3 s before the first line runs, a loader thread and
 * ≈ 40 MiB for the life of the process: too much for `pnpm start`, which a developer keeps running
 * all day.
 *
 * esbuild bundles the workspace's own sources (`@envspec/*`, relative imports) into ES modules,
 * split at dynamic imports so that what the entry loads later is still loaded later; every other
 * package stays an import of its installed file, by absolute path, loaded by Node as usual. Each
 * source's `import.meta.url` (and `dirname`, `filename`) is its own file's, so paths computed from it
 * (the Prism engine's child script, the contract suites) are the same as when the source runs as it is.
 *
 * The cache: `<cacheDir>/current.json` names the build in use and every file it was made from
 * (sources with their size and mtime, installed packages it imports); a build is reused while all
 * of them are unchanged. A new build is written beside the old one and then named in
 * `current.json` by an atomic rename, so two starts at once never read half a build.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Changes when the way entries are compiled changes, so older builds are not reused. */
const formatVersion = 2;
/** Builds no longer named in current.json are removed once this old (a start may still be loading one). */
const keepOldBuildsMs = 60 * 60 * 1000;

/**
 * @typedef {{ path: string, size: number, mtimeMs: number }} Source
 * @typedef {{ formatVersion: number, entry: string, build: string, output: string, sources: Source[], packages: string[] }} Manifest
 */

/** @param {string} path */
async function readManifest(path) {
  try {
    return /** @type {Manifest} */ (JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/** @param {string} path */
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the build `manifest` names is still what compiling `entry` would give: same format,
 * every source unchanged, every imported package file still installed, the output still there.
 * @param {Manifest | undefined} manifest
 * @param {string} entry
 * @returns {Promise<boolean>}
 */
export async function isFresh(manifest, entry) {
  if (!manifest || manifest.formatVersion !== formatVersion || manifest.entry !== entry) return false;
  const checks = [
    exists(manifest.output),
    ...manifest.sources.map(async (source) => {
      try {
        const now = await stat(source.path);
        return now.size === source.size && now.mtimeMs === source.mtimeMs;
      } catch {
        return false;
      }
    }),
    ...manifest.packages.map(exists),
  ];
  return (await Promise.all(checks)).every(Boolean);
}

/**
 * Imports of the workspace (`@envspec/*`) and relative ones are bundled; anything else stays
 * external, as the absolute path of the file it resolves to (the bundle lives elsewhere, where
 * the importer's `node_modules` cannot be found). Node's built-ins stay as they are.
 * @type {import('esbuild').Plugin}
 */
const workspaceOnly = {
  name: 'envspec-workspace-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@envspec/') || args.path.startsWith('node:')) return;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.path, external: true };
    });
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path)),
        loader: 'ts',
      };
    });
  },
};

/**
 * Compiles `entry` into a new build folder of `cacheDir` and makes it the current one.
 * @param {string} entry absolute path of the TypeScript entry
 * @param {string} cacheDir
 * @returns {Promise<Manifest>}
 */
async function compile(entry, cacheDir) {
  const esbuild = await import('esbuild');
  const buildDir = join(cacheDir, `build-${Date.now()}-${process.pid}`);
  const result = await esbuild
    .build({
      entryPoints: { entry },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: buildDir,
      absWorkingDir: process.cwd(),
      metafile: true,
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [workspaceOnly],
    })
    // esbuild's service process would otherwise live (≈ 15 MiB) as long as the process it compiled for.
    .finally(() => esbuild.stop());
  const workingDir = process.cwd();
  const sources = await Promise.all(
    Object.keys(result.metafile.inputs).map(async (input) => {
      const path = resolve(workingDir, input);
      const { size, mtimeMs } = await stat(path);
      return { path, size, mtimeMs };
    }),
  );
  const packages = [
    ...new Set(
      Object.values(result.metafile.outputs).flatMap((output) =>
        output.imports.filter((item) => item.external && isAbsolute(item.path)).map((item) => item.path),
      ),
    ),
  ];
  /** @type {Manifest} */
  const manifest = {
    formatVersion,
    entry,
    build: buildDir,
    output: join(buildDir, 'entry.js'),
    sources,
    packages,
  };
  const pending = join(cacheDir, `current.json.${process.pid}`);
  await writeFile(pending, JSON.stringify(manifest));
  await rename(pending, join(cacheDir, 'current.json'));
  return manifest;
}

/**
 * Removes builds no longer current, once they are old enough that no start is still loading them.
 * @param {string} cacheDir
 * @param {string} current
 */
async function removeOldBuilds(cacheDir, current) {
  for (const name of await readdir(cacheDir).catch(() => [])) {
    const path = join(cacheDir, name);
    if (!name.startsWith('build-') || path === current) continue;
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > keepOldBuildsMs) await rm(path, { recursive: true, force: true });
  }
}

/**
 * The file URL of `entry` compiled to JavaScript, from `cacheDir` when it is fresh, compiled now
 * otherwise. Rejects when it cannot be compiled (esbuild's message says why).
 * @param {{ entry: string, cacheDir: string }} options
 * @returns {Promise<{ url: string, compiled: boolean }>}
 */
export async function compiledEntry({ entry, cacheDir }) {
  const current = await readManifest(join(cacheDir, 'current.json'));
  if (current && (await isFresh(current, entry))) return { url: pathToFileURL(current.output).href, compiled: false };
  await mkdir(cacheDir, { recursive: true });
  const manifest = await compile(entry, cacheDir);
  await removeOldBuilds(cacheDir, manifest.build);
  return { url: pathToFileURL(manifest.output).href, compiled: true };
}
