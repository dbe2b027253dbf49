/**
 * What a user outside this repository gets: every publishable package packed (`pnpm pack`, which
 * rewrites `workspace:` dependencies to versions), installed with npm into a scratch project in the
 * OS temp folder (third-party dependencies from the registry), then used only through what was
 * installed — strict `tsc` of an app using all four clients and their errors, that app under plain
 * Node and, bundled by Vite, in Chromium against a mock from the installed CLI (`npx envspec mock`),
 * `npx envspec --help`, and `npx envspec contract --target url` against `npx envspec serve`.
 *
 * Run by `pnpm test` as the `test:consumer` task, after every package is built (turbo).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, responseExample, vendors, type Vendor } from '@envspec/specs';
import { chromiumArgs, findChromium } from '@envspec/scripts/docs';
import { descendantsOf, findFreePort, isRunning, operationOf } from '@envspec/testkit';

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));

/** The environment of a user's shell: none of pnpm's, turbo's or this repo's settings leak in. */
const userEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: 'C.UTF-8',
  NO_COLOR: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  // The npm cache is reused; the registry is asked only for what it does not hold.
  npm_config_prefer_offline: 'true',
};

interface Tarball {
  name: string;
  file: string;
  bytes: number;
  files: string[];
}

let scratch: string;
let tarballs: Tarball[] = [];
const running: ChildProcess[] = [];
let mockBases: Record<Vendor, string>;
let page: Server | undefined;

async function publishablePackages(): Promise<string[]> {
  const dirs = [
    join(repoRoot, 'specs'),
    ...(await readdir(join(repoRoot, 'packages'))).map((dir) => join(repoRoot, 'packages', dir)),
  ];
  const manifests = await Promise.all(
    dirs.map(async (dir) => ({
      dir,
      manifest: JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { private?: boolean },
    })),
  );
  return manifests.filter(({ manifest }) => !manifest.private).map(({ dir }) => dir);
}

async function pack(dir: string, destination: string): Promise<Tarball> {
  // Built by turbo before this task (test:consumer depends on build): prepack would only build again.
  const { stdout } = await exec('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: dir,
    env: { ...process.env, npm_config_ignore_scripts: 'true' },
  });
  const packed = JSON.parse(stdout) as { name: string; filename: string; files: Array<{ path: string }> };
  return {
    name: packed.name,
    file: packed.filename,
    bytes: (await stat(packed.filename)).size,
    files: packed.files.map(({ path }) => path).sort(),
  };
}

/** Runs a command in the scratch project as a user would; resolves with its output, whatever the exit status. */
async function run(command: string, args: string[], timeoutMs = 120_000) {
  return exec(command, args, { cwd: scratch, env: userEnv, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/** Starts a long-running `npx envspec …` in its own process group, resolving once `ready` is printed. */
async function startInstalled(args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn('npx', ['envspec', ...args], {
    cwd: scratch,
    env: userEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npx envspec ${args.join(' ')} not ready:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npx envspec ${args.join(' ')} exited ${code}:\n${output}`)));
  });
  expect(output).not.toMatch(/ExperimentalWarning|\n\s+at /);
  return child;
}

/** Stops a started CLI the way a terminal's Ctrl-C does (its whole process group) and checks nothing is left. */
async function stopInstalled(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const tree = descendantsOf(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  const deadline = Date.now() + 5_000;
  while (tree.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tree.filter(isRunning), 'processes left after SIGTERM').toEqual([]);
}

async function vendorPorts(): Promise<Record<Vendor, number>> {
  const ports = {} as Record<Vendor, number>;
  for (const vendor of vendors) ports[vendor] = await findFreePort();
  return ports;
}

const portArgs = (ports: Record<Vendor, number>) =>
  vendors.flatMap((vendor) => ['--port', `${vendor}=${ports[vendor]}`]);
const basesOf = (ports: Record<Vendor, number>) =>
  Object.fromEntries(vendors.map((vendor) => [vendor, `http://127.0.0.1:${ports[vendor]}`])) as Record<Vendor, string>;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'envspec-consumer-'));
  const destination = join(scratch, 'tarballs');
  tarballs = await Promise.all((await publishablePackages()).map((dir) => pack(dir, destination)));
  console.log(
    `\nPacked (${tarballs.length} tarballs):\n${tarballs
      .map(
        ({ name, bytes, files }) =>
          `  ${name.padEnd(26)} ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${files.length} files`,
      )
      .join('\n')}\n`,
  );
  await cp(fixture, scratch, { recursive: true });
  await writeFile(
    join(scratch, 'package.json'),
    `${JSON.stringify({ name: 'envspec-consumer', private: true, type: 'module' })}\n`,
  );
  const install = await run(
    'npm',
    ['install', ...tarballs.map(({ file }) => file), 'typescript@5.9.3', 'vite@8.3.8', '@types/node@20.19.43'],
    300_000,
  );
  expect(install.code, `npm install failed:\n${install.stdout}\n${install.stderr}`).toBe(0);
  const mockPorts = await vendorPorts();
  mockBases = basesOf(mockPorts);
  await startInstalled(['mock', ...portArgs(mockPorts)], /Mocks ready/);
}, 420_000);

afterAll(async () => {
  await new Promise((resolve) => (page ? page.close(resolve) : resolve(undefined)));
  await Promise.all(running.map(stopInstalled));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** What the mocks answer from each spec's first example, and the error each call asks for with `Prefer`. */
function expectedResults() {
  const read = <T>(vendor: Vendor) =>
    responseExample<T>(bundleOf(vendor), operationOf(vendor, 'read').operation.operationId, '200');
  const readValues: Record<Vendor, string> = {
    qoder: read<{ name: string }>('qoder').name,
    fabro: read<{ id: string }>('fabro').id,
    datadog: read<{ data: { attributes: { name: string } } }>('datadog').data.attributes.name,
    launchdarkly: read<{ name: string }>('launchdarkly').name,
  };
  const status = { qoder: 404, fabro: 409, datadog: 429, launchdarkly: 409 };
  return Object.fromEntries(
    vendors.map((vendor) => [
      vendor,
      { read: readValues[vendor], error: { status: status[vendor], vendor, isApiError: true } },
    ]),
  );
}

/** Every string in an `exports` (or `bin`) value: the files it points at. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

describe('the packed tarballs', () => {
  it('hold the built package and nothing else, with versions in place of workspace: dependencies', async () => {
    for (const { name, file, files } of tarballs) {
      // The vendors' own definitions ship with @envspec/specs: the contract suites check answers against them.
      const allowed =
        /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/.+\.(js|d\.ts|js\.map)|bundled\/[a-z]+\.json|dist\/vendor-definitions\/[a-z0-9-]+\.yaml)$/;
      expect(
        files.filter((path) => !allowed.test(path)),
        name,
      ).toEqual([]);
      expect(files, name).toContain('LICENSE');
      expect(files, name).toContain('README.md');
      const { stdout } = await exec('tar', ['-xzOf', file, 'package/package.json']);
      const manifest = JSON.parse(stdout) as Record<string, unknown>;
      expect(manifest.private, name).toBeUndefined();
      expect(manifest.license, name).toBe('MIT');
      expect(JSON.stringify(manifest.dependencies ?? {}), name).not.toContain('workspace:');
      const targets = leaves(manifest.exports).concat(leaves(manifest.bin));
      for (const target of targets) expect(target, `${name} exports ${target}`).toMatch(/^\.\/(dist|bundled)\//);
    }
  });
});

describe('a project with only the tarballs installed', () => {
  it('npx envspec --help lists every command, exit 0', async () => {
    const { code, stdout, stderr } = await run('npx', ['envspec', '--help']);
    expect(code, stderr).toBe(0);
    for (const command of ['start', 'mock', 'serve', 'contract', 'review', 'docs', 'diff'])
      expect(stdout).toMatch(new RegExp(`\\n  ${command} `));
    expect(stderr).toBe('');
  });

  it('npx envspec review and docs say where they run (a clone of the repository), exit 2', async () => {
    for (const command of ['review', 'docs']) {
      const { code, stderr } = await run('npx', ['envspec', command]);
      expect(stderr).toBe(
        `error: envspec ${command} works in a clone of the envspec repository (it needs the spec sources and their history): run it there, where pnpm install links it\n(run with --help for usage)\n`,
      );
      expect(code).toBe(2);
    }
  });

  it('type-checks an app using all four clients and their errors under strict tsc', async () => {
    const { code, stdout, stderr } = await run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    expect(`${stdout}${stderr}`).toBe('');
    expect(code).toBe(0);
  });

  it('runs that app, compiled, with plain node against the installed mock', async () => {
    // Type-checked strictly above; this only emits.
    const build = await run('npx', ['tsc', '-p', 'tsconfig.json', '--skipLibCheck']);
    expect(build.code, build.stdout).toBe(0);
    const { code, stdout, stderr } = await run(process.execPath, ['dist/node-main.js', JSON.stringify(mockBases)]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(expectedResults());
  });

  it('runs that app bundled by Vite in Chromium against the installed mock', async () => {
    const build = await run('npx', ['vite', 'build', '--outDir', 'dist-web', '--logLevel', 'warn']);
    expect(build.code, `${build.stdout}${build.stderr}`).toBe(0);
    const root = join(scratch, 'dist-web');
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    page = createServer(async (request, response) => {
      const path = resolve(root, `.${new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html')}`);
      const body = path.startsWith(root) ? await readFile(path).catch(() => undefined) : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => page!.listen(port, '127.0.0.1', resolve));
    // Debian's chromium, which .ci/run installs (scripts/setup/chromium.sh); this test never installs it,
    // and does not pass without it: a consumer's browser build is half of what it proves.
    const availability = findChromium();
    if ('skip' in availability) throw new Error(`Chromium is needed for the browser check: ${availability.skip}`);
    const browser = await chromium.launch({ executablePath: availability.executablePath, args: chromiumArgs });
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/?bases=${encodeURIComponent(JSON.stringify(mockBases))}`);
      const output = tab.locator('#result[data-result], #result[data-error]');
      await output.waitFor({ state: 'attached', timeout: 30_000 });
      expect(await output.getAttribute('data-error')).toBeNull();
      expect(JSON.parse((await output.getAttribute('data-result'))!)).toEqual(expectedResults());
    } finally {
      await browser.close();
    }
  });

  it('npx envspec contract --target url passes against the installed npx envspec serve', async () => {
    const serverPorts = await vendorPorts();
    const server = await startInstalled(
      ['serve', ...portArgs(serverPorts), '--log-level', 'silent'],
      /Reference servers ready/,
    );
    const urls = vendors.flatMap((vendor) => ['--url', `${vendor}=${basesOf(serverPorts)[vendor]}`]);
    const { code, stdout, stderr } = await run(
      'npx',
      ['envspec', 'contract', '--target', 'url', ...urls, '--runs', '10'],
      300_000,
    );
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/Tests\s+\d+ passed/);
    expect(stdout).not.toMatch(/failed/);
    expect(stderr).not.toMatch(/ExperimentalWarning/);
    await stopInstalled(server);
  });
});
