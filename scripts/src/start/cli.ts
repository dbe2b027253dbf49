/**
 * `pnpm start`: the Prism mocks (4010–4013) and the reference servers (3010–3013) side by side,
 * with a table of where they listen and how to call them. Ctrl-C / SIGTERM stops everything.
 *
 *   pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S] [--cors-origin O]... [--data-dir .data] [--rate-limit 100/60]
 *              [--free-ports]
 */
import { parseArgs } from 'node:util';
import type { MockMode } from '@envspec/mock';
// Light on purpose: the engine process is forked before the heavy modules are loaded.
import { prelaunchPrismEngine } from '@envspec/mock/engine';
import { vendors, type Vendor } from '@envspec/specs/vendors';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'mock-mode': { type: 'string', default: 'static' },
    seed: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'data-dir': { type: 'string' },
    'rate-limit': { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    // Free ports instead of 4010–4013 / 3010–3013 (the table says which): beside another envspec, or in the benchmark.
    'free-ports': { type: 'boolean', default: false },
  },
});
// Prism's modules take longest to load: its process starts first, loading them while this one
// loads the mocks' fronts and the reference servers (Express, the validator) on the other core.
const prismEngine = values['mock-mode'] === 'stateful' ? undefined : prelaunchPrismEngine();
const { describeMode, mockModes, startMocks } = await import('@envspec/mock');
const mode = values['mock-mode'] as MockMode;
if (!mockModes.includes(mode)) {
  prismEngine?.dispose();
  throw new Error(`--mock-mode must be one of ${mockModes.join(', ')}, got '${mode}'`);
}
const rateLimitMatch = values['rate-limit'] ? /^(\d+)\/(\d+)$/.exec(values['rate-limit']) : null;
if (values['rate-limit'] && !rateLimitMatch)
  throw new Error(`--rate-limit expects REQUESTS/SECONDS, got '${values['rate-limit']}'`);

// Browser origins allowed to call the mocks and the servers ('none': CORS off); default local dev servers.
const corsOrigins = values['cors-origin']?.filter((origin) => origin !== 'none');
const ports = values['free-ports']
  ? (Object.fromEntries(vendors.map((vendor) => [vendor, 0])) as Record<Vendor, number>)
  : undefined;
const mocksStarted = startMocks({
  mode,
  ...(prismEngine ? { prismEngine } : {}),
  ...(ports ? { ports } : {}),
  ...(values.seed ? { seed: values.seed } : {}),
  ...(corsOrigins ? { cors: corsOrigins.length > 0 ? { origins: corsOrigins } : false } : {}),
  // The mocks' own events (an engine restart, a refused browser origin and the flag that allows it).
  prismLogLevel: 'silent',
  onLog: (vendor, line) => {
    if (line.startsWith('mock')) console.error(`[${vendor} mock] ${line}`);
  },
});
// Awaited below; a failure while the server modules load is reported there, not as an unhandled rejection.
mocksStarted.catch(() => undefined);
const { createServerLogger, describeServers, formatTable, startServers } = await import('@envspec/server');
const [mocks, servers] = await Promise.all([
  mocksStarted,
  startServers({
    logger: createServerLogger(values['log-level']),
    ...(ports ? { ports } : {}),
    ...(corsOrigins ? { cors: corsOrigins.length > 0 ? { origins: corsOrigins } : false } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(rateLimitMatch
      ? { rateLimit: { limit: Number(rateLimitMatch[1]), windowMs: Number(rateLimitMatch[2]) * 1000 } }
      : {}),
  }),
]);

console.log(`\nenvspec is running. Mocks (${mode} mode):\n`);
console.log(
  formatTable(
    ['vendor', 'mock URL'],
    mocks.mocks.map((mock) => [mock.vendor, mock.url]),
  ),
);
console.log(`\n${describeMode(mode, values.seed).join('\n')}`);
console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
console.log(describeServers(servers.servers));
console.log('\nDatadog credentials are DD-API-KEY:DD-APPLICATION-KEY. Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    void Promise.all([mocks.stop(), servers.stop()]).then(() => process.exit(0));
  });
}
