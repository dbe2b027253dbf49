/**
 * The `envspec` CLI as a user has it: every publishable package packed (`pnpm pack:all`, which
 * builds them) and installed with npm into a scratch project outside the workspace, so the bench
 * times the bin `npx envspec start` runs — built JavaScript resolving its dependencies from
 * node_modules — not the repository's sources.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface InstalledCli {
  /** The installed bin (`node_modules/@envspec/cli/dist/bin.js`, what `node_modules/.bin/envspec` links to). */
  bin: string;
  dispose(): Promise<void>;
}

export async function installCli(root: string): Promise<InstalledCli> {
  await run('pnpm', ['pack:all'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const packed = join(root, 'build', 'packages');
  const tarballs = (await readdir(packed)).filter((name) => name.endsWith('.tgz')).map((name) => join(packed, name));
  const project = await mkdtemp(join(tmpdir(), 'envspec-bench-installed-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'bench-installed', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: project,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    bin: join(project, 'node_modules', '@envspec', 'cli', 'dist', 'bin.js'),
    dispose: () => rm(project, { recursive: true, force: true }),
  };
}
