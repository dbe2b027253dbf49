/**
 * `envspec start` (`pnpm start`): the mocks (4010–4013) and the reference servers (3010–3013) side
 * by side, with a table of where they listen and how to call them, until SIGINT / SIGTERM / SIGHUP.
 */
import { Command } from 'commander';
import {
  checkPorts,
  configureCommand,
  corsFrom,
  corsOriginsOption,
  hostOption,
  portOverrides,
  selectedVendors,
  stopOnSignals,
  vendorPortsOption,
  vendorsOption,
} from '@envspec/cli-kit';
import type { MockFleet } from '@envspec/mock';
import {
  describeMocks,
  describeMockSettings,
  mockLog,
  mockOptions,
  mockSettings,
  type MockCommandSettings,
} from '@envspec/mock/command';
import type { ServerFleet } from '@envspec/server';
import { serverOptions, serverSettings, type ServeSettings } from '@envspec/server/command';
import { defaultCorsOrigins, defaultMockPorts, defaultServerPorts } from '@envspec/vendors';

export interface StartSettings {
  mock: MockCommandSettings;
  server: ServeSettings & { vendors: MockCommandSettings['vendors'] };
}

/** Both fleets, or neither: when one fails to start, the other is stopped before the error surfaces. */
async function startBoth(settings: StartSettings): Promise<[MockFleet, ServerFleet]> {
  const { logLevel, ...server } = settings.server;
  // Loaded only to start: `--help` and a usage error stay quick.
  const [{ startMocks }, { createServerLogger, startServers }] = await Promise.all([
    import('@envspec/mock'),
    import('@envspec/server'),
  ]);
  const [mocks, servers] = await Promise.allSettled([
    startMocks({ ...settings.mock, onLog: mockLog }),
    startServers({ ...server, logger: createServerLogger(logLevel) }),
  ]);
  if (mocks.status === 'fulfilled' && servers.status === 'fulfilled') return [mocks.value, servers.value];
  await Promise.all([mocks, servers].map((started) => (started.status === 'fulfilled' ? started.value.stop() : null)));
  throw mocks.status === 'rejected' ? mocks.reason : (servers as PromiseRejectedResult).reason;
}

export async function startUntilStopped(settings: StartSettings): Promise<void> {
  const { mock, server } = settings;
  await checkPorts([
    ...mock.vendors.map((vendor) => ({
      host: mock.host ?? '127.0.0.1',
      port: mock.ports[vendor] ?? defaultMockPorts[vendor],
      owner: `${vendor} mock`,
      flag: `--mock-port ${vendor}=N`,
    })),
    ...server.vendors.map((vendor) => ({
      host: server.host ?? '127.0.0.1',
      port: server.ports?.[vendor] ?? defaultServerPorts[vendor],
      owner: `${vendor} reference server`,
      flag: `--server-port ${vendor}=N`,
    })),
  ]);
  const [mocks, servers] = await startBoth(settings);
  stopOnSignals(() => Promise.all([mocks.stop(), servers.stop()]).then(() => undefined));
  const mode = mock.mode ?? 'static';
  console.log(`\nenvspec is running. Mocks (${mode} mode; send 'Prefer: code=404' to pick a response):\n`);
  console.log(describeMocks(mocks.mocks));
  console.log(`\n${describeMockSettings(mock)}`);
  console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
  const { describeServers } = await import('@envspec/server');
  console.log(describeServers(servers.servers));
  console.log('\nDatadog credentials are DD-API-KEY:DD-APPLICATION-KEY. Press Ctrl-C to stop.');
}

export interface StartCommandOptions {
  /** What runs once the flags are parsed; tests replace it to see the settings. */
  start?: (settings: StartSettings) => Promise<void>;
}

export function createStartCommand({ start = startUntilStopped }: StartCommandOptions = {}): Command {
  const command = configureCommand(
    new Command('start').description(
      'Run the mocks and the reference servers side by side, printing where they listen and the demo credentials.',
    ),
  )
    .addOption(vendorsOption('run'))
    .addOption(vendorPortsOption('--mock-port', 'mock port', defaultMockPorts))
    .addOption(vendorPortsOption('--server-port', 'reference server port', defaultServerPorts, { example: 5020 }))
    .addOption(hostOption())
    .addOption(corsOriginsOption(defaultCorsOrigins));
  for (const option of [...mockOptions(), ...serverOptions()]) command.addOption(option);
  return command.action(async (values: Record<string, unknown>) => {
    const vendors = selectedVendors(values.vendor as never);
    const host = values.host as string;
    const cors = corsFrom(values.corsOrigin as string[] | undefined);
    const shared = { vendors, host, ...(cors === undefined ? {} : { cors }) };
    await start({
      mock: {
        ...mockSettings(values),
        ...shared,
        ports: portOverrides('--mock-port', values.mockPort as never, vendors),
      },
      server: {
        ...serverSettings(values),
        ...shared,
        ports: portOverrides('--server-port', values.serverPort as never, vendors),
      },
    });
  });
}
