#!/usr/bin/env -S npx tsx
/** `envspec-server`: serves the reference servers and stops them gracefully on SIGINT / SIGTERM. */
import { parseServerCliOptions, serverCliUsage, type ServerCliOptions } from './cli-options.ts';
import { describeServers } from './describe-servers.ts';
import { createServerLogger } from './logger.ts';
import { startServers } from './start-servers.ts';
import { describeStoreSelection, type StoreSelection } from './store/store-selection.ts';

function parseOrExit(): ServerCliOptions {
  try {
    return parseServerCliOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${serverCliUsage}`);
    process.exit(2);
  }
}

/** Starts the servers, or says why they cannot listen (a busy port, a host that is not this machine's) and exits 1. */
async function startOrExit(options: ServerCliOptions) {
  try {
    // Request logs go to stderr so stdout stays a readable summary.
    return await startServers({ ...options, logger: createServerLogger(options.logLevel) });
  } catch (error) {
    // A database that is down, a port in use: the operator's to fix, so the reason without a stack.
    console.error(`envspec-server could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

const options = parseOrExit();
const fleet = await startOrExit(options);
const store: StoreSelection | undefined =
  options.store ?? (options.dataDir ? { kind: 'file', directory: options.dataDir } : undefined);
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
