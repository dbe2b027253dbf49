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
import {
  describeMocks,
  describeMockSettings,
  mockLog,
  mockOptions,
  mockSettings,
  type MockCommandSettings,
} from '@envspec/mock/command';
import { serverOptions, serverSettings, type ServeSettings } from '@envspec/server/command';
import { defaultCorsOrigins, defaultMockPorts, defaultServerPorts } from '@envspec/vendors';
import { startEnvironment } from './start-environment.ts';

export interface StartSettings {
  mock: MockCommandSettings;
  server: Omit<ServeSettings, 'store'> & { vendors: MockCommandSettings['vendors'] };
  /** Where the servers keep state, shared with the mock in stateful mode. */
  store?: ServeSettings['store'];
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
  const { logLevel, ...serverOptionsOnly } = server;
  const { createServerLogger, describeServers, describeStoreSelection } = await import('@envspec/server');
  const environment = await startEnvironment({
    mock: { ...mock, onLog: mockLog },
    server: { ...serverOptionsOnly, logger: createServerLogger(logLevel) },
    ...(settings.store ? { store: settings.store } : {}),
  }).catch((error: unknown) => {
    // A database that is down, say: the operator's to fix, so the reason without a stack.
    throw new Error(`could not start: ${(error as Error).message}`);
  });
  stopOnSignals(environment.stop);
  const { mocks, servers } = environment;
  const mode = mock.mode ?? 'static';
  const sharing = settings.store
    ? ` (state ${describeStoreSelection(settings.store)}, ${mode === 'stateful' ? 'shared with the reference servers' : 'the reference servers only'})`
    : '';
  console.log(`\nenvspec is running. Mocks (${mode} mode${sharing}; send 'Prefer: code=404' to pick a response):\n`);
  console.log(describeMocks(mocks.mocks));
  console.log(`\n${describeMockSettings(mock)}`);
  console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
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
    const { store, ...server } = serverSettings(values);
    await start({
      mock: {
        ...mockSettings(values),
        ...shared,
        ports: portOverrides('--mock-port', values.mockPort as never, vendors),
      },
      server: { ...server, ...shared, ports: portOverrides('--server-port', values.serverPort as never, vendors) },
      ...(store ? { store } : {}),
    });
  });
}
