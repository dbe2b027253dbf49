import { createRequire } from 'node:module';
import type { Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { startMocks } from '@envspec/mock';
import { defaultBaseUrl } from '@envspec/msw';
import { findFreePort, spawnUntilReady, type Child } from '@envspec/testkit';
import { isolationOf, suiteKinds, suites, type Suite, type TargetEndpoint, type TargetKind } from './target.ts';
import { urlTargetBase } from '../vendors/contract-credentials.ts';

export interface RunningTargets {
  endpoints: TargetEndpoint[];
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const serverCli = require.resolve('@envspec/server/cli');
const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');

/** `vendor  http://…` lines of the CLI's start-up table, once it lists every vendor. */
function listedUrls(stdout: string, vendors: readonly Vendor[]): Record<string, string> | undefined {
  const urls = Object.fromEntries(
    [...stdout.matchAll(/^(\w+)\s+(http:\/\/\S+)/gm)].map(([, vendor, url]) => [vendor!, url!] as const),
  );
  return vendors.every((vendor) => urls[vendor]) ? urls : undefined;
}

/**
 * The reference server as a black box: its own CLI in a child process. It picks free ports itself
 * (`--port <vendor>=0`) and prints them, so servers started side by side can never race for one.
 */
async function startServerProcess(vendors: readonly Vendor[]): Promise<{ urls: Record<string, string>; child: Child }> {
  const args = ['--import', 'tsx', serverCli, '--log-level', 'silent'];
  for (const vendor of vendors) args.push('--vendor', vendor, '--port', `${vendor}=0`);
  const child = await spawnUntilReady(process.execPath, args, (stdout) => listedUrls(stdout, vendors) !== undefined);
  const urls = listedUrls(child.stdout, vendors)!;
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

interface Started {
  endpoints: TargetEndpoint[];
  stop(): Promise<void>;
}

const usersOf = (kind: TargetKind): Suite[] =>
  suites.filter((suite) => (suiteKinds[suite] as readonly TargetKind[]).includes(kind));

/** One kind of target for the suites that use it: stateful ones once per suite, the stateless mock once for all. */
async function startKind(kind: TargetKind, vendors: readonly Vendor[], suite: Suite | 'all'): Promise<Started> {
  const forSuites = suite === 'all' ? usersOf(kind) : [suite];
  const each = (vendor: Vendor, baseUrl: string) => forSuites.map((user) => ({ kind, vendor, suite: user, baseUrl }));
  if (kind === 'mock' || kind === 'stateful') {
    // Port 0: each front listens on a port the system picks, so fleets started side by side never clash.
    const ports = Object.fromEntries(vendors.map((vendor) => [vendor, 0]));
    const fleet = await startMocks({ vendors, ports, mode: kind === 'mock' ? 'static' : 'stateful' });
    return { endpoints: fleet.mocks.flatMap((mock) => each(mock.vendor, mock.url)), stop: fleet.stop };
  }
  if (kind === 'server') {
    const { urls, child } = await startServerProcess(vendors);
    return { endpoints: vendors.flatMap((vendor) => each(vendor, urls[vendor]!)), stop: child.stop };
  }
  if (kind === 'proxy') {
    // Its own server instance, so proxy traffic never disturbs the server target's state.
    const { urls, child } = await startServerProcess(vendors);
    const proxies = await Promise.allSettled(vendors.map((vendor) => startPrismProxy(vendor, urls[vendor]!)));
    const stop = async () => {
      await Promise.all(proxies.map((proxy) => (proxy.status === 'fulfilled' ? proxy.value.child.stop() : undefined)));
      await child.stop();
    };
    const failed = proxies.find((proxy) => proxy.status === 'rejected');
    if (failed) {
      await stop();
      throw failed.reason;
    }
    return {
      endpoints: vendors.flatMap((vendor, index) => {
        const proxy = proxies[index] as PromiseFulfilledResult<{ url: string }>;
        return each(vendor, proxy.value.url);
      }),
      stop,
    };
  }
  if (kind === 'msw' || kind === 'msw-examples') {
    // Nothing to start: each test file serves the handlers in its own process (in-process.ts), at the
    // vendor's real host, so a request the handlers did not take would fail loudly; and each file
    // has state of its own.
    return {
      endpoints: vendors.flatMap((vendor) => each(vendor, defaultBaseUrl(vendor))),
      stop: async () => undefined,
    };
  }
  return { endpoints: vendors.flatMap((vendor) => each(vendor, urlTargetBase(vendor))), stop: async () => undefined };
}

/**
 * Starts every requested kind of target for every requested vendor, all at once: each stateful
 * target the run starts (stateful mock, server, proxy) once per suite that uses it, so no suite sees
 * another's writes; the stateless Prism mock once, shared. In-process (MSW) and `url` targets are
 * only described: each test file serves the former itself; the latter is one deployment, shared
 * (vitest.config.ts runs the files one after another then).
 */
export async function startTargets(kinds: readonly TargetKind[], vendors: readonly Vendor[]): Promise<RunningTargets> {
  const plans = kinds.flatMap(
    (kind): Array<[TargetKind, Suite | 'all']> =>
      isolationOf(kind) === 'per-suite' ? usersOf(kind).map((suite) => [kind, suite]) : [[kind, 'all']],
  );
  const started = await Promise.allSettled(plans.map(([kind, suite]) => startKind(kind, vendors, suite)));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(running.map((target) => target.stop()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  // In the order asked for, so the suites' describe blocks keep the order of CONTRACT_TARGET.
  const endpoints = running.flatMap((target) => target.endpoints);
  return { endpoints, stop };
}
