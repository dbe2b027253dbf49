import { createRequire } from 'node:module';
import type { Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { startMocks, type MockMode } from '@envspec/mock';
import { defaultBaseUrl } from '@envspec/msw';
import { findFreePort, spawnUntilReady, type Child } from '@envspec/testkit';
import type { TargetEndpoint, TargetKind } from './target.ts';
import { urlTargetBase } from '../vendors/contract-credentials.ts';

export interface RunningTargets {
  endpoints: TargetEndpoint[];
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const serverCli = require.resolve('@envspec/server/cli');
const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');

/** The reference server as a black box: its own CLI in a child process, on free ports. */
async function startServerProcess(vendors: readonly Vendor[]): Promise<{ urls: Record<string, string>; child: Child }> {
  const ports = Object.fromEntries(
    await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()] as const)),
  );
  const args = ['--import', 'tsx', serverCli, '--log-level', 'silent'];
  for (const vendor of vendors) args.push('--vendor', vendor, '--port', `${vendor}=${ports[vendor]}`);
  const urls = Object.fromEntries(vendors.map((vendor) => [vendor, `http://127.0.0.1:${ports[vendor]}`]));
  const child = await spawnUntilReady(process.execPath, args, urls[vendors.at(-1)!]!);
  await Promise.all(vendors.map((vendor) => fetch(urls[vendor]!).then((response) => response.body?.cancel())));
  return { urls, child };
}

async function startPrismProxy(vendor: Vendor, upstream: string): Promise<{ url: string; child: Child }> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await spawnUntilReady(
    process.execPath,
    [prismCli, 'proxy', bundlePath(vendor), upstream, '--errors', '--port', String(port), '--host', '127.0.0.1'],
    url,
    { env: { SCARF_ANALYTICS: 'false', NO_COLOR: '1' } },
  );
  return { url, child };
}

/** Starts every requested kind of target for every requested vendor; `url` and in-process targets are only described. */
export async function startTargets(kinds: readonly TargetKind[], vendors: readonly Vendor[]): Promise<RunningTargets> {
  const endpoints: TargetEndpoint[] = [];
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.all(stops.map((stopOne) => stopOne()));
  };
  try {
    for (const kind of kinds) {
      if (kind === 'mock' || kind === 'stateful') {
        const ports = Object.fromEntries(
          await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()] as const)),
        );
        const mode: MockMode = kind === 'mock' ? 'static' : 'stateful';
        const fleet = await startMocks({ vendors, ports, mode });
        stops.push(fleet.stop);
        for (const mock of fleet.mocks) endpoints.push({ kind, vendor: mock.vendor, baseUrl: mock.url });
      } else if (kind === 'server') {
        const { urls, child } = await startServerProcess(vendors);
        stops.push(child.stop);
        for (const vendor of vendors) endpoints.push({ kind, vendor, baseUrl: urls[vendor]! });
      } else if (kind === 'proxy') {
        // Its own server instance, so proxy traffic never disturbs the server target's state.
        const { urls, child } = await startServerProcess(vendors);
        stops.push(child.stop);
        const proxies = await Promise.all(vendors.map((vendor) => startPrismProxy(vendor, urls[vendor]!)));
        for (const [index, vendor] of vendors.entries()) {
          stops.push(proxies[index]!.child.stop);
          endpoints.push({ kind, vendor, baseUrl: proxies[index]!.url });
        }
      } else if (kind === 'msw' || kind === 'msw-examples') {
        // Nothing to start: each test file serves the handlers in its own process (in-process.ts),
        // at the vendor's real host, so a request the handlers did not take would fail loudly.
        for (const vendor of vendors) endpoints.push({ kind, vendor, baseUrl: defaultBaseUrl(vendor) });
      } else {
        for (const vendor of vendors) endpoints.push({ kind, vendor, baseUrl: urlTargetBase(vendor) });
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoints, stop };
}
