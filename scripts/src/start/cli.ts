/**
 * `pnpm start`: the mocks (4010–4013) and the reference servers (3010–3013) side by side, with a
 * table of where they listen and how to call them. Ctrl-C / SIGTERM stops everything. Run by
 * `launch.mjs`, compiled to plain JavaScript.
 *
 *   pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S] [--store memory|file:DIR|postgres://…]
 *              [--data-dir DIR] [--rate-limit 100/60] [--cors-origin O]... [--free-ports] [--log-level L]
 */
import { parseArgs } from 'node:util';
import type { MockMode } from '@envspec/mock';
// Light on purpose: the Prism engine process is forked before the heavy modules are loaded.
import { prelaunchPrismEngine } from '@envspec/mock/engine';
import type { StoreSelection } from '@envspec/server';
import { vendors, type Vendor } from '@envspec/specs/vendors';
import type { EnvironmentOptions } from './start-environment.ts';

const usage = `Usage: pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S]
                  [--store memory|file:DIR|postgres://USER:PASSWORD@HOST:PORT/DB] [--data-dir DIR]
                  [--rate-limit N/SECONDS] [--cors-origin ORIGIN]... [--free-ports] [--log-level L]

  --store        where the reference servers keep state, shared with the mock in stateful mode
                 (a postgres:// store is shared with every other process pointed at it); default in memory,
                 each on its own
  --data-dir DIR the same as --store file:DIR
  --cors-origin  a browser origin allowed to call the mocks and the servers (repeatable, replaces the
                 defaults: local dev servers on any port); '*' any origin, 'none' turns CORS off
  --free-ports   listen on free ports instead of 4010–4013 and 3010–3013 (the tables say which)`;

function exitWithUsage(error: unknown): never {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}

/** The flags as given; checking them needs the mock's and the server's modules, loaded after the fork. */
function readFlags(argv: readonly string[]) {
  return parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      'mock-mode': { type: 'string', default: 'static' },
      seed: { type: 'string' },
      store: { type: 'string' },
      'data-dir': { type: 'string' },
      'rate-limit': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'free-ports': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'info' },
    },
  }).values;
}

let flags: ReturnType<typeof readFlags>;
try {
  flags = readFlags(process.argv.slice(2));
} catch (error) {
  exitWithUsage(error);
}
// Loading Prism's modules is the slowest part of the start: its process loads them while this
// one loads the mocks' fronts and the reference servers (Express, the validator) on the other core.
const prismEngine = flags['mock-mode'] === 'stateful' ? undefined : prelaunchPrismEngine();

const [{ describeMode, mockModes }, server, { startEnvironment }] = await Promise.all([
  import('@envspec/mock'),
  import('@envspec/server'),
  import('./start-environment.ts'),
]);

function checkOptions(values: typeof flags): Omit<EnvironmentOptions, 'logger'> & { logLevel: string } {
  const mockMode = values['mock-mode'] as MockMode;
  if (!mockModes.includes(mockMode))
    throw new Error(`--mock-mode must be one of ${mockModes.join(', ')}, got '${mockMode}'`);
  const rateLimitMatch = values['rate-limit'] ? /^(\d+)\/(\d+)$/.exec(values['rate-limit']) : null;
  if (values['rate-limit'] && !rateLimitMatch)
    throw new Error(`--rate-limit expects REQUESTS/SECONDS, got '${values['rate-limit']}'`);
  if (values.store !== undefined && values['data-dir'] !== undefined)
    throw new Error('--store and --data-dir both say where state lives: give one (--data-dir DIR is --store file:DIR)');
  const origins = values['cors-origin'];
  if (origins?.includes('none') && origins.length > 1)
    throw new Error('--cors-origin none turns CORS off and cannot be combined with origins');
  const store: StoreSelection | undefined =
    values.store !== undefined
      ? server.parseStoreSelection(values.store)
      : values['data-dir'] !== undefined
        ? { kind: 'file', directory: values['data-dir'] }
        : undefined;
  const freePorts = values['free-ports']
    ? (Object.fromEntries(vendors.map((vendor) => [vendor, 0])) as Record<Vendor, number>)
    : undefined;
  return {
    mockMode,
    logLevel: values['log-level'],
    ...(values.seed ? { seed: values.seed } : {}),
    ...(store ? { store } : {}),
    ...(rateLimitMatch
      ? { rateLimit: { limit: Number(rateLimitMatch[1]), windowMs: Number(rateLimitMatch[2]) * 1000 } }
      : {}),
    ...(origins ? { corsOrigins: origins.includes('none') ? false : origins } : {}),
    ...(freePorts ? { mockPorts: freePorts, serverPorts: freePorts } : {}),
  };
}

let options: ReturnType<typeof checkOptions>;
try {
  options = checkOptions(flags);
} catch (error) {
  prismEngine?.dispose();
  exitWithUsage(error);
}

let environment: Awaited<ReturnType<typeof startEnvironment>>;
try {
  environment = await startEnvironment({
    ...options,
    logger: server.createServerLogger(options.logLevel),
    ...(prismEngine ? { prismEngine } : {}),
    onMockEvent: (vendor, line) => console.error(`[${vendor} mock] ${line}`),
  });
} catch (error) {
  prismEngine?.dispose();
  // A database that is down, a port in use: the operator's to fix, so the reason without a stack.
  console.error(`pnpm start could not start: ${(error as Error).message}`);
  process.exit(1);
}
const { mocks, servers } = environment;

const sharing = options.store
  ? ` (state ${server.describeStoreSelection(options.store)}, ${options.mockMode === 'stateful' ? 'shared with the reference servers' : 'the reference servers only'})`
  : '';
console.log(`\nenvspec is running. Mocks (${options.mockMode} mode${sharing}):\n`);
console.log(
  server.formatTable(
    ['vendor', 'mock URL'],
    mocks.mocks.map((mock) => [mock.vendor, mock.url]),
  ),
);
console.log(`\n${describeMode(options.mockMode, options.seed).join('\n')}`);
console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
console.log(server.describeServers(servers.servers));
console.log('\nDatadog credentials are DD-API-KEY:DD-APPLICATION-KEY. Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void environment.stop().then(() => process.exit(0));
  });
}
