/**
 * The compile cache behind `pnpm start`: an entry is compiled once, reused while its sources are
 * unchanged, compiled again after a change; workspace sources are bundled with their own
 * `import.meta.url`, installed packages stay imports of their files; a broken source rejects.
 */
import { mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** compiled-entry.mjs is plain JavaScript (type-checked on its own: tsconfig.launch.json); its surface here. */
interface CompiledEntryModule {
  compiledEntry(options: { entry: string; cacheDir: string }): Promise<{ url: string; compiled: boolean }>;
  isFresh(manifest: unknown, entry: string): Promise<boolean>;
}
// A specifier TypeScript does not follow: this package's tsconfig leaves JavaScript out (allowJs would make tsx
// prefer a package's stray .ts sources over its .js, as fast-json-patch ships both).
const modulePath = '../../scripts/compiled-entry.mjs';
const { compiledEntry, isFresh } = (await import(modulePath)) as CompiledEntryModule;

// Inside the package, so the fixture's `yaml` import resolves through its node_modules as a real source's would.
const root = fileURLToPath(new URL(`../../node_modules/.cache/compiled-entry-test-${process.pid}/`, import.meta.url));
const sources = join(root, 'src');
const cacheDir = join(root, 'cache');
const entry = join(sources, 'entry.ts');

async function writeSources(greeting: string): Promise<void> {
  await mkdir(sources, { recursive: true });
  await writeFile(
    join(sources, 'dep.ts'),
    [
      `export const greeting: string = ${JSON.stringify(greeting)};`,
      'export const where: string = import.meta.url;',
      'export const folder: string = import.meta.dirname;',
      'export const file: string = import.meta.filename;',
      '',
    ].join('\n'),
  );
  await writeFile(
    entry,
    [
      "import { stringify } from 'yaml';",
      "import { file, folder, greeting, where } from './dep.ts';",
      'export const answer = { greeting, where, folder, file, yaml: stringify({ a: 1 }).trim() };',
      "export const later = () => import('./late.ts');",
      '',
    ].join('\n'),
  );
  await writeFile(join(sources, 'late.ts'), 'export const late: number = 42;\n');
}

beforeAll(() => writeSources('hello'));
afterAll(() => rm(root, { recursive: true, force: true }));

interface Compiled {
  url: string;
  compiled: boolean;
}
const compile = (): Promise<Compiled> => compiledEntry({ entry, cacheDir });
const load = async (compiled: Compiled) =>
  (await import(`${compiled.url}?${Date.now()}`)) as {
    answer: { greeting: string; where: string; folder: string; file: string; yaml: string };
    later(): Promise<{ late: number }>;
  };

describe('compiledEntry', () => {
  it('compiles the entry into plain JavaScript modules', async () => {
    const first = await compile();
    expect(first.compiled).toBe(true);
    const module = await load(first);
    expect(module.answer).toEqual({
      greeting: 'hello',
      // The source's own URL, not the bundle's.
      where: pathToFileURL(join(sources, 'dep.ts')).href,
      folder: sources,
      file: join(sources, 'dep.ts'),
      yaml: 'a: 1',
    });
    expect((await module.later()).late).toBe(42);
    const code = await readFile(fileURLToPath(first.url), 'utf8');
    // The package is imported from its installed file, by absolute path; the workspace source is inlined.
    expect(code).toMatch(/from "\/[^"]*\/yaml\/[^"]+"/);
    expect(code).toContain('"hello"');
  });

  it('reuses the build while the sources are unchanged', async () => {
    const before = await compile();
    const again = await compile();
    expect(again).toEqual({ url: before.url, compiled: false });
  });

  it('compiles again after a source changed', async () => {
    const before = await compile();
    await writeSources('changed');
    // A clock with coarse mtimes could leave the old ones: make the change visible.
    const later = new Date(Date.now() + 5_000);
    await utimes(join(sources, 'dep.ts'), later, later);
    const after = await compile();
    expect(after.compiled).toBe(true);
    expect(after.url).not.toBe(before.url);
    expect((await load(after)).answer.greeting).toBe('changed');
  });

  it('calls a build stale when its manifest is missing or names another entry', async () => {
    const manifest = JSON.parse(await readFile(join(cacheDir, 'current.json'), 'utf8'));
    expect(await isFresh(manifest, entry)).toBe(true);
    expect(await isFresh(manifest, join(sources, 'other.ts'))).toBe(false);
    expect(await isFresh(undefined, entry)).toBe(false);
    expect(await isFresh({ ...manifest, packages: ['/nonexistent/package/index.js'] }, entry)).toBe(false);
  });

  it('rejects a source that does not compile, saying where', async () => {
    await writeFile(join(sources, 'late.ts'), 'export const late: number = ;\n');
    await expect(compile()).rejects.toThrow(/late\.ts/);
  });
});
