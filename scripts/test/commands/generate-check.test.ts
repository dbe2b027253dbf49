/**
 * `pnpm generate:check` as the README gives it, in a copy of the workspace's spec and types
 * packages (their dependencies linked from this checkout, so the copy is a workspace of its own):
 * a generated file or a bundle that no longer matches what `pnpm generate` writes fails the check,
 * naming the stale vendor and `pnpm generate` as the fix. The stale bundle runs the bundler's own
 * `--check` (what the specs package's `check` task runs), one turbo start-up fewer.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseDocument } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const workspaceFiles = [
  'package.json',
  'pnpm-workspace.yaml',
  'pnpm-lock.yaml',
  'turbo.json',
  'redocly.yaml',
  'tsconfig.base.json',
];

let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'envspec-generate-check-'));
  for (const file of workspaceFiles) await cp(join(repoRoot, file), join(copy, file));
  // The packages' node_modules are relative links into the root's, which links to this checkout's.
  const withoutCache = (source: string) => !source.includes(`${join('/', '.turbo')}`);
  for (const dir of ['specs', join('packages', 'types')]) {
    await cp(join(repoRoot, dir), join(copy, dir), { recursive: true, verbatimSymlinks: true, filter: withoutCache });
  }
  await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

/** Runs a command in the copy to its end; the outer turbo's variables are left out, so the copy's turbo is its own. */
function runIn(cwd: string, command: string, args: string[]): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TURBO_')));
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
}

/** Changes a file of the copy for one test, and puts it back after it. */
async function changeForThisTest(file: string, change: (text: string) => string | Promise<string>): Promise<void> {
  const path = join(copy, file);
  const original = await readFile(path, 'utf8');
  onTestFinished(() => writeFile(path, original));
  await writeFile(path, await change(original));
}

describe('pnpm generate:check', () => {
  it('fails on a generated types file edited by hand, naming it and pnpm generate', async () => {
    await changeForThisTest('packages/types/src/generated/qoder.ts', (text) => `${text}// edited by hand\n`);
    const { code, output } = await runIn(copy, 'pnpm', ['generate:check']);
    expect(code, output).toBe(1);
    // The bundles were checked first and are fine: only the edited file is named.
    expect(output).toContain('spec bundles are up to date');
    expect(output).toContain('Generated types are out of date for: qoder.');
    expect(output).toMatch(/Fix with:[\s\S]*?\bpnpm generate$/m);
  });

  it('fails on a spec changed without regenerating its bundle, naming the vendor and pnpm generate', async () => {
    await changeForThisTest('specs/fabro/openapi.yaml', (text) => {
      const document = parseDocument(text);
      document.setIn(['info', 'title'], `${document.getIn(['info', 'title'])} (edited)`);
      return document.toString();
    });
    const { code, output } = await runIn(join(copy, 'specs'), process.execPath, [
      '--import',
      'tsx',
      'scripts/bundle.ts',
      '--check',
    ]);
    expect(code, output).toBe(1);
    expect(output).toContain('Spec bundles are out of date for: fabro.');
    expect(output).toMatch(/Fix with:[\s\S]*?\bpnpm generate$/m);
  });
});
