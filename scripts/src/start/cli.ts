/**
 * `pnpm start`: the Prism mocks (4010–4013) and the reference servers (3010–3013) side by side,
 * with a table of where they listen and how to call them. Ctrl-C / SIGTERM stops everything.
 *
 *   pnpm start [-- --mock-mode static|dynamic|stateful] [--seed S] [--cors-origin O]... [--data-dir .data] [--rate-limit 100/60]
 */
import { parseArgs } from 'node:util';
import { describeMode, mockModes, startMocks, type MockMode } from '@envspec/mock';
import { createServerLogger, describeServers, formatTable, startServers } from '@envspec/server';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'mock-mode': { type: 'string', default: 'static' },
    seed: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'data-dir': { type: 'string' },
    'rate-limit': { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
  },
});
const mode = values['mock-mode'] as MockMode;
if (!mockModes.includes(mode)) throw new Error(`--mock-mode must be one of ${mockModes.join(', ')}, got '${mode}'`);
const rateLimitMatch = values['rate-limit'] ? /^(\d+)\/(\d+)$/.exec(values['rate-limit']) : null;
if (values['rate-limit'] && !rateLimitMatch)
  throw new Error(`--rate-limit expects REQUESTS/SECONDS, got '${values['rate-limit']}'`);

const logger = createServerLogger(values['log-level']);
// Browser origins allowed to call the mocks and the servers ('none': CORS off); default local dev servers.
const corsOrigins = values['cors-origin']?.filter((origin) => origin !== 'none');
const [mocks, servers] = await Promise.all([
  startMocks({
    mode,
    ...(values.seed ? { seed: values.seed } : {}),
    ...(corsOrigins ? { cors: corsOrigins.length > 0 ? { origins: corsOrigins } : false } : {}),
    // The mocks' own events (an engine restart, a refused browser origin and the flag that allows it).
    prismLogLevel: 'silent',
    onLog: (vendor, line) => {
      if (line.startsWith('mock')) console.error(`[${vendor} mock] ${line}`);
    },
  }),
  startServers({
    logger,
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
