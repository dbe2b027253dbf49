#!/usr/bin/env -S npx tsx
/** `envspec-mock`: starts the mocks, prints where they listen, and stops them on Ctrl-C / SIGTERM. */
import { mockCliUsage, parseMockCliOptions, type MockCliOptions } from './cli-options.ts';
import { startMocks, type MockFleet } from './mock-fleet.ts';
import { describeMode } from './mode-summary.ts';

function parseOrExit(): MockCliOptions {
  try {
    return parseMockCliOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${mockCliUsage}`);
    process.exit(2);
  }
}

const options = parseOrExit();
const verbose = Boolean(process.env.ENVSPEC_MOCK_VERBOSE);

async function startOrExit(): Promise<MockFleet> {
  try {
    return await startMocks({
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
}

const fleet = await startOrExit();
console.log(`Mocks ready (${options.mode} mode):\n`);
const width = Math.max(...fleet.mocks.map((mock) => mock.vendor.length));
for (const mock of fleet.mocks) console.log(`  ${mock.vendor.padEnd(width)}  ${mock.url}`);
console.log(`\n${describeMode(options.mode, options.seed).join('\n')}`);
const extras = [
  options.delayMs ? `delay ${options.delayMs} ms` : '',
  options.errorRate ? `error rate ${options.errorRate} (status ${options.errorStatus ?? 500})` : '',
  options.cors === false ? 'CORS off' : `CORS for ${options.cors?.origins.join(' ') ?? 'local dev origins'}`,
  // Only the Prism modes have a Prism log to show.
  options.mode === 'stateful' ? '' : "ENVSPEC_MOCK_VERBOSE=1 shows Prism's log",
].filter(Boolean);
console.log(`${extras.join('; ')}.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping mocks…`);
    void fleet.stop().then(() => process.exit(0));
  });
}
