/** `envspec mock`: the mocks, one per vendor, until SIGINT / SIGTERM / SIGHUP. Mounted by the envspec CLI. */
import { Command } from 'commander';
import { addFleetOptions, checkPorts, configureCommand, fleetSettings, stopOnSignals } from '@envspec/cli-kit';
import type { Vendor } from '@envspec/specs';
import { defaultMockPorts } from '@envspec/vendors';
import type { PrismHostLaunch } from '../engine/prism-engine.ts';
import type { MockFleetOptions, RunningMock } from '../mock-fleet.ts';
import { describeMode } from '../mode-summary.ts';
import { describeMockSettings, mockOptions, mockSettings } from './mock-options.ts';

export type MockCommandSettings = Omit<
  MockFleetOptions,
  'onLog' | 'stores' | 'limits' | 'prismEngine' | 'prismLogLevel'
> & {
  vendors: Vendor[];
  ports: Partial<Record<Vendor, number>>;
};

const verbose = () => Boolean(process.env.ENVSPEC_MOCK_VERBOSE);

/**
 * The mock's log: its own events (an engine restart, a refused browser origin and the flag that
 * allows it, an error it produced) always, on stderr; Prism's chatter only with ENVSPEC_MOCK_VERBOSE=1.
 */
export function mockLog(vendor: Vendor, line: string): void {
  if (line.startsWith('mock')) process.stderr.write(`[${vendor}] ${line}\n`);
  else if (verbose()) process.stdout.write(`[${vendor}] ${line}\n`);
}

/** Prism's own log level: only what ENVSPEC_MOCK_VERBOSE=1 shows is worth Prism formatting. */
export const prismLogLevel = (): 'info' | 'silent' => (verbose() ? 'info' : 'silent');

export function describeMocks(mocks: readonly RunningMock[]): string {
  const width = Math.max(...mocks.map((mock) => mock.vendor.length));
  return mocks.map((mock) => `  ${mock.vendor.padEnd(width)}  ${mock.url}`).join('\n');
}

/**
 * Starts the mocks and keeps them up until a stop signal. `prismEngine`: the engine process forked
 * before the command line was even parsed (`prelaunchPrismEngine`), adopted here.
 */
export async function mockUntilStopped(settings: MockCommandSettings, prismEngine?: PrismHostLaunch): Promise<void> {
  const host = settings.host ?? '127.0.0.1';
  await checkPorts(
    settings.vendors.map((vendor) => ({
      host,
      port: settings.ports[vendor] ?? defaultMockPorts[vendor],
      owner: `${vendor} mock`,
      flag: `--port ${vendor}=N`,
    })),
  );
  // Prism and the fronts load only to mock: `--help` and a usage error stay quick.
  const { startMocks } = await import('../mock-fleet.ts');
  const fleet = await startMocks({
    ...settings,
    onLog: mockLog,
    prismLogLevel: prismLogLevel(),
    ...(prismEngine ? { prismEngine } : {}),
  }).catch((error: unknown) => {
    throw new Error(`the mocks could not start: ${(error as Error).message}`);
  });
  stopOnSignals(fleet.stop);
  const mode = settings.mode ?? 'static';
  console.log(`Mocks ready (${mode} mode):\n\n${describeMocks(fleet.mocks)}\n`);
  console.log(describeMode(mode, settings.seed).join('\n'));
  console.log(describeMockSettings(settings));
}

export interface MockCommandOptions {
  /** What runs once the flags are parsed; tests replace it to see the settings. */
  mock?: (settings: MockCommandSettings) => Promise<void>;
  /** An engine process forked ahead of the command line's parsing, for the default `mock` to adopt. */
  prismEngine?: PrismHostLaunch;
}

export function createMockCommand({
  prismEngine,
  mock = (settings) => mockUntilStopped(settings, prismEngine),
}: MockCommandOptions = {}): Command {
  const command = configureCommand(
    new Command('mock').description(
      'Run the vendor-faithful mocks (Prism behind a guarding front, or stateful in process) until Ctrl-C or SIGTERM.',
    ),
  );
  addFleetOptions(command, { verb: 'mock', what: 'mock port', defaultPorts: defaultMockPorts });
  for (const option of mockOptions()) command.addOption(option);
  return command.action(async (values: Record<string, unknown>) => {
    await mock({ ...mockSettings(values), ...fleetSettings(values) });
  });
}
