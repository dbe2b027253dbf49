import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { startMocks, type MockFleet } from '@envspec/mock';
import type { Vendor } from '@envspec/specs';
import { findFreePort, spawnUntilReady, type Child } from '@envspec/testkit';

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
    fleet = await startMocks({ vendors: [vendor], ports: { [vendor]: await findFreePort() }, mode: 'static' });
    target.url = fleet.mocks[0]!.url;
  }, startTimeoutMs);
  afterAll(async () => {
    await fleet?.stop();
  });
  return target;
}

/** The reference server's CLI, found through its package's exports (the client never imports the server). */
const serverCli = createRequire(import.meta.url).resolve('@envspec/server/cli');

/** Starts the vendor's reference server (its CLI, as a child process) on a free port for this test file. */
export function useReferenceServer(vendor: Vendor): Target {
  const target: Target = { url: '' };
  let server: Child | undefined;
  beforeAll(async () => {
    const port = await findFreePort();
    target.url = `http://127.0.0.1:${port}`;
    server = await spawnUntilReady(
      process.execPath,
      ['--import', 'tsx', serverCli, '--vendor', vendor, '--port', `${vendor}=${port}`, '--log-level', 'silent'],
      target.url,
      { timeoutMs: startTimeoutMs },
    );
  }, startTimeoutMs);
  afterAll(async () => {
    await server?.stop();
  });
  return target;
}
