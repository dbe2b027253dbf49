#!/usr/bin/env -S npx tsx
/** `envspec-mock`: starts the mocks, prints where they listen, and stops them on Ctrl-C / SIGTERM. */
import { startMocks, type MockFleet } from './mock-fleet.ts';
import { mockCliUsage, parseMockCliOptions, type MockCliOptions } from './cli-options.ts';
import { formatTable } from '@envspec/server';

let options: MockCliOptions;
try {
  options = parseMockCliOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${mockCliUsage}`);
  process.exit(2);
}

const verbose = Boolean(process.env.ENVSPEC_MOCK_VERBOSE);
let fleet: MockFleet;
try {
  fleet = await startMocks({
    ...options,
    // The mock's own events (restarts, refused origins, errors it produced) always, on stderr;
    // Prism's chatter only when asked.
    prismLogLevel: verbose ? 'info' : 'silent',
    onLog: (vendor, line) => {
      if (line.startsWith('mock')) console.error(`[${vendor}] ${line}`);
      else if (verbose) console.log(`[${vendor}] ${line}`);
    },
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const engine = options.mode === 'stateful' ? 'reference server' : `Prism, ${options.mode}`;
console.log(`Mocks ready (${engine}):\n`);
console.log(
  formatTable(
    ['vendor', 'mock URL'],
    fleet.mocks.map((mock) => [mock.vendor, mock.url]),
  ),
);
const extras = [
  options.delayMs ? `delay ${options.delayMs} ms` : '',
  options.errorRate ? `error rate ${options.errorRate} (status ${options.errorStatus ?? 500})` : '',
  options.cors === false ? 'CORS off' : `CORS for ${options.cors?.origins.join(' ') ?? 'local dev origins'}`,
].filter(Boolean);
console.log(`\n${extras.join('; ')}. Set ENVSPEC_MOCK_VERBOSE=1 for Prism's log.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping mocks…`);
    void fleet.stop().then(() => process.exit(0));
  });
}
