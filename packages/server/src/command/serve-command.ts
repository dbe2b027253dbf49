/**
 * `envspec serve`: the reference servers, one per vendor, until SIGINT / SIGTERM / SIGHUP. Mounted
 * by the envspec CLI; `@envspec/server/cli` runs it on its own for tests that start the server as
 * a black box.
 */
import { Command } from 'commander';
import { addFleetOptions, checkPorts, configureCommand, fleetSettings, stopOnSignals } from '@envspec/cli-kit';
import { defaultServerPorts } from '@envspec/vendors';
import type { StartServersOptions } from '../start-servers.ts';
import { serverOptions, serverSettings, type ServerSettings } from './server-options.ts';

export type ServeSettings = Omit<StartServersOptions, 'logger' | 'credentials'> & ServerSettings;

/** Starts the servers and keeps them up until a stop signal; the summary goes to stdout, the request log to stderr. */
export async function serveUntilStopped(settings: ServeSettings): Promise<void> {
  const { logLevel, ...options } = settings;
  await checkPorts(
    (options.vendors ?? []).map((vendor) => ({
      host: options.host ?? '127.0.0.1',
      port: options.ports?.[vendor] ?? defaultServerPorts[vendor],
      owner: `${vendor} reference server`,
      flag: `--port ${vendor}=N`,
    })),
  );
  // Express and the validator load only to serve: `--help` and a usage error stay quick.
  const [{ startServers }, { createServerLogger }, { describeServers }, { describeStoreSelection }] = await Promise.all(
    [
      import('../start-servers.ts'),
      import('../logger.ts'),
      import('../describe-servers.ts'),
      import('../store/store-selection.ts'),
    ],
  );
  const fleet = await startServers({ ...options, logger: createServerLogger(logLevel) }).catch((error: unknown) => {
    // A database that is down, say: the operator's to fix, so the reason without a stack.
    throw new Error(`the reference servers could not start: ${(error as Error).message}`);
  });
  stopOnSignals(fleet.stop);
  console.log(`Reference servers ready${options.store ? ` (state ${describeStoreSelection(options.store)})` : ''}:\n`);
  console.log(describeServers(fleet.servers));
}

export interface ServeCommandOptions {
  /** What runs once the flags are parsed; tests replace it to see the settings. */
  serve?: (settings: ServeSettings) => Promise<void>;
}

export function createServeCommand({ serve = serveUntilStopped }: ServeCommandOptions = {}): Command {
  const command = configureCommand(
    new Command('serve').description(
      'Run the validated reference servers (the vendors’ semantics over a store) until Ctrl-C or SIGTERM.',
    ),
  );
  addFleetOptions(command, { verb: 'serve', what: 'server port', defaultPorts: defaultServerPorts, example: 5020 });
  for (const option of serverOptions()) command.addOption(option);
  return command.action(async (values: Record<string, unknown>) => {
    await serve({ ...serverSettings(values), ...fleetSettings(values) });
  });
}
