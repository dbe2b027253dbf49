/**
 * `pnpm start`: the mocks (4010–4013) and the reference servers (3010–3013) side by side, with a
 * table of where they listen and how to call them. Ctrl-C / SIGTERM stops everything.
 *
 *   pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S] [--store memory|file:DIR|postgres://…]
 *              [--data-dir DIR] [--rate-limit 100/60] [--log-level L]
 */
import { parseArgs } from 'node:util';
import { mockModes, type MockMode } from '@envspec/mock';
import {
  createServerLogger,
  describeServers,
  describeStoreSelection,
  formatTable,
  parseStoreSelection,
  type StoreSelection,
} from '@envspec/server';
import { startEnvironment, type EnvironmentOptions } from './start-environment.ts';

const usage = `Usage: pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S]
                  [--store memory|file:DIR|postgres://USER:PASSWORD@HOST:PORT/DB] [--data-dir DIR]
                  [--rate-limit N/SECONDS] [--log-level L]

  --store  where the reference servers keep state, shared with the mock in stateful mode
           (a postgres:// store is shared with every other process pointed at it); default in memory,
           each on its own
  --data-dir DIR  the same as --store file:DIR`;

function parseOptions(argv: readonly string[]): Omit<EnvironmentOptions, 'logger'> & { logLevel: string } {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      'mock-mode': { type: 'string', default: 'static' },
      seed: { type: 'string' },
      store: { type: 'string' },
      'data-dir': { type: 'string' },
      'rate-limit': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  const mockMode = values['mock-mode'] as MockMode;
  if (!mockModes.includes(mockMode))
    throw new Error(`--mock-mode must be one of ${mockModes.join(', ')}, got '${mockMode}'`);
  const rateLimitMatch = values['rate-limit'] ? /^(\d+)\/(\d+)$/.exec(values['rate-limit']) : null;
  if (values['rate-limit'] && !rateLimitMatch)
    throw new Error(`--rate-limit expects REQUESTS/SECONDS, got '${values['rate-limit']}'`);
  if (values.store !== undefined && values['data-dir'] !== undefined)
    throw new Error('--store and --data-dir both say where state lives: give one (--data-dir DIR is --store file:DIR)');
  const store: StoreSelection | undefined =
    values.store !== undefined
      ? parseStoreSelection(values.store)
      : values['data-dir'] !== undefined
        ? { kind: 'file', directory: values['data-dir'] }
        : undefined;
  return {
    mockMode,
    logLevel: values['log-level'],
    ...(values.seed ? { seed: values.seed } : {}),
    ...(store ? { store } : {}),
    ...(rateLimitMatch
      ? { rateLimit: { limit: Number(rateLimitMatch[1]), windowMs: Number(rateLimitMatch[2]) * 1000 } }
      : {}),
  };
}

let options: ReturnType<typeof parseOptions>;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}

let environment: Awaited<ReturnType<typeof startEnvironment>>;
try {
  environment = await startEnvironment({ ...options, logger: createServerLogger(options.logLevel) });
} catch (error) {
  // A database that is down, a port in use: the operator's to fix, so the reason without a stack.
  console.error(`pnpm start could not start: ${(error as Error).message}`);
  process.exit(1);
}
const { mocks, servers } = environment;

const sharing = options.store
  ? ` (state ${describeStoreSelection(options.store)}, ${options.mockMode === 'stateful' ? 'shared with the reference servers' : 'the reference servers only'})`
  : '';
console.log(
  `\nenvspec is running. Mocks (${options.mockMode} mode${sharing}; send 'Prefer: code=404' to pick a response):\n`,
);
console.log(
  formatTable(
    ['vendor', 'mock URL'],
    mocks.mocks.map((mock) => [mock.vendor, mock.url]),
  ),
);
console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
console.log(describeServers(servers.servers));
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
