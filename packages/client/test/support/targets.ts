import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startMocks, type MockFleet } from '@envspec/mock';
import { findFreePort as freePort } from '@envspec/mock';

export type Vendor = 'qoder' | 'fabro' | 'datadog' | 'launchdarkly';

/** Where a started target listens; `url` is set once `beforeAll` has run. */
export interface Target {
  url: string;
}

const startTimeoutMs = 30_000;

/** Starts the vendor's Prism mock (static mode) on a free port for this test file. */
export function usePrismMock(vendor: Vendor): Target {
  const target: Target = { url: '' };
  let fleet: MockFleet | undefined;
  beforeAll(async () => {
    fleet = await startMocks({ vendors: [vendor], ports: { [vendor]: await freePort() }, mode: 'static' });
    target.url = fleet.mocks[0]!.url;
  }, startTimeoutMs);
  afterAll(async () => {
    await fleet?.stop();
  });
  return target;
}

/** The reference server's package folder, found through module resolution (the client never imports it). */
function serverPackageDir(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('@envspec/server')));
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`reference server exited with ${child.exitCode} before answering:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`reference server at ${url} did not answer within ${startTimeoutMs} ms:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts the vendor's reference server (its CLI, as a child process) on a free port for this test file. */
export function useReferenceServer(vendor: Vendor): Target {
  const target: Target = { url: '' };
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    const port = await freePort();
    const lines: string[] = [];
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', '--vendor', vendor, '--port', `${vendor}=${port}`, '--log-level', 'silent'],
      {
        cwd: serverPackageDir(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const collect = (chunk: Buffer) => lines.push(chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    target.url = `http://127.0.0.1:${port}`;
    await waitForHttp(target.url, child, () => lines.join(''));
  }, startTimeoutMs);
  afterAll(async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  });
  return target;
}

/** The repository's `specs/bundled/<vendor>.json`, read relative to this file. */
export function bundlePath(vendor: Vendor): string {
  return join(dirname(new URL(import.meta.url).pathname), '../../../../specs/bundled', `${vendor}.json`);
}
