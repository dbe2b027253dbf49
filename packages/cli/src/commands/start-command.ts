/**
 * `envspec start` (`pnpm start`): the mocks (4010–4013) and the reference servers (3010–3013) side
 * by side, with a table of where they listen and how to call them, until SIGINT / SIGTERM / SIGHUP.
 */
import { Command, Option } from 'commander';
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
import type { PrismHostLaunch } from '@envspec/mock/engine';
import {
  describeMockSettings,
  mockLog,
  mockOptions,
  mockSettings,
  prismLogLevel,
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

/**
 * Starts both and keeps them up until a stop signal. `prismEngine`: the engine process forked before
 * the command line was even parsed (`prelaunchPrismEngine`), adopted by the mocks.
 */
export async function startUntilStopped(settings: StartSettings, prismEngine?: PrismHostLaunch): Promise<void> {
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
  const [{ describeMode }, { createServerLogger, describeServers, describeStoreSelection, formatTable }] =
    await Promise.all([import('@envspec/mock'), import('@envspec/server')]);
  const environment = await startEnvironment({
    mock: { ...mock, onLog: mockLog, prismLogLevel: prismLogLevel(), ...(prismEngine ? { prismEngine } : {}) },
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
  console.log(`\nenvspec is running. Mocks (${mode} mode${sharing}):\n`);
  console.log(
    formatTable(
      ['vendor', 'mock URL'],
      mocks.mocks.map(({ vendor, url }) => [vendor, url]),
    ),
  );
  console.log(`\n${describeMode(mode, mock.seed).join('\n')}\n${describeMockSettings(mock)}`);
  console.log('\nReference servers (real semantics, validated against the specs; request logs on stderr):\n');
  console.log(describeServers(servers.servers));
  console.log('\nDatadog credentials are DD-API-KEY:DD-APPLICATION-KEY. Press Ctrl-C to stop.');
}

export interface StartCommandOptions {
  /** What runs once the flags are parsed; tests replace it to see the settings. */
  start?: (settings: StartSettings) => Promise<void>;
  /** An engine process forked ahead of the command line's parsing, for the default `start` to adopt. */
  prismEngine?: PrismHostLaunch;
}

export function createStartCommand({
  prismEngine,
  start = (settings) => startUntilStopped(settings, prismEngine),
}: StartCommandOptions = {}): Command {
  const command = configureCommand(
    new Command('start').description(
      'Run the mocks and the reference servers side by side, printing where they listen and the demo credentials.',
    ),
  )
    .addOption(vendorsOption('run'))
    .addOption(vendorPortsOption('--mock-port', 'mock port', defaultMockPorts))
    .addOption(vendorPortsOption('--server-port', 'reference server port', defaultServerPorts, { example: 5020 }))
    .addOption(
      new Option(
        '--free-ports',
        'listen on free ports instead of 4010–4013 and 3010–3013 (the tables say which)',
      ).conflicts(['mockPort', 'serverPort']),
    )
    .addOption(hostOption())
    .addOption(corsOriginsOption(defaultCorsOrigins));
  for (const option of [...mockOptions(), ...serverOptions()]) command.addOption(option);
  return command.action(async (values: Record<string, unknown>) => {
    const vendors = selectedVendors(values.vendor as never);
    const host = values.host as string;
    const cors = corsFrom(values.corsOrigin as string[] | undefined);
    const shared = { vendors, host, ...(cors === undefined ? {} : { cors }) };
    const { store, ...server } = serverSettings(values);
    // Port 0 everywhere: each listener takes a free one and the tables say which.
    const free = values.freePorts ? Object.fromEntries(vendors.map((vendor) => [vendor, 0])) : undefined;
    await start({
      mock: {
        ...mockSettings(values),
        ...shared,
        ports: free ?? portOverrides('--mock-port', values.mockPort as never, vendors),
      },
      server: {
        ...server,
        ...shared,
        ports: free ?? portOverrides('--server-port', values.serverPort as never, vendors),
      },
      ...(store ? { store } : {}),
    });
  });
}
