#!/usr/bin/env -S npx tsx
/** `envspec-mock`: starts the Prism mocks, prints where they listen, and stops them on Ctrl-C / SIGTERM. */
import { startMocks } from './mock-fleet.ts';
import { mockCliUsage, parseMockCliOptions } from './cli-options.ts';
import { formatTable } from '@envspec/server';

let options;
try {
  options = parseMockCliOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${mockCliUsage}`);
  process.exit(2);
}

const fleet = await startMocks({ ...options, onLog: (vendor, line) => {
  if (process.env.ENVSPEC_MOCK_VERBOSE) console.log(`[${vendor}] ${line}`);
} });
console.log(`Prism mocks ready (${options.mode} mode):\n`);
console.log(formatTable(['vendor', 'mock URL'], fleet.mocks.map((mock) => [mock.vendor, mock.url])));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping mocks…`);
    void fleet.stop().then(() => process.exit(0));
  });
}
