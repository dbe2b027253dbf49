#!/usr/bin/env -S npx tsx
/** `envspec-server`: serves the reference servers and stops them gracefully on SIGINT / SIGTERM. */
import { pino } from 'pino';
import { parseServerCliOptions, serverCliUsage, type ServerCliOptions } from './cli-options.ts';
import { describeServers } from './describe-servers.ts';
import { startServers, type ServerFleet } from './start-servers.ts';
import { describeStoreSelection } from './store/store-selection.ts';

let options: ServerCliOptions;
try {
  options = parseServerCliOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${serverCliUsage}`);
  process.exit(2);
}

// Request logs go to stderr so stdout stays a readable summary.
const logger = pino(
  {
    level: options.logLevel,
    redact: ['req.headers.authorization', 'req.headers["dd-api-key"]', 'req.headers["dd-application-key"]'],
  },
  pino.destination(2),
);
let fleet: ServerFleet;
try {
  fleet = await startServers({ ...options, logger });
} catch (error) {
  // A database that is down, a port in use: the operator's to fix, so the reason without a stack.
  console.error(`envspec-server could not start: ${(error as Error).message}`);
  process.exit(1);
}
const store = options.store ?? (options.dataDir ? { kind: 'file' as const, directory: options.dataDir } : undefined);
console.log(`Reference servers ready${store ? ` (state ${describeStoreSelection(store)})` : ''}:\n`);
console.log(describeServers(fleet.servers));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping reference servers…`);
    void fleet.stop().then(() => process.exit(0));
  });
}
