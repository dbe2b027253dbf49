/** The `envspec` command line: every command, each with its `--help`. */
import { createRequire } from 'node:module';
import { Command } from 'commander';
import { configureCommand } from '@envspec/cli-kit';
import { createContractCommand } from '@envspec/contract-tests/command';
import { createDiffCommand } from '@envspec/diff';
import { createMockCommand } from '@envspec/mock/command';
import type { PrismHostLaunch } from '@envspec/mock/engine';
import { createServeCommand } from '@envspec/server/command';
import { checkoutCommands } from './commands/checkout-commands.ts';
import { createStartCommand } from './commands/start-command.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

export interface ProgramOptions {
  /** Where relative paths are read from; under `pnpm <script>`, INIT_CWD is where the user typed it. */
  cwd?: string;
  /** The Prism engine process forked ahead (`prelaunchFor`), for `start` or `mock` to adopt. */
  prismEngine?: PrismHostLaunch;
}

export async function createProgram({
  cwd = process.env.INIT_CWD ?? process.cwd(),
  prismEngine,
}: ProgramOptions = {}): Promise<Command> {
  const program = configureCommand(
    new Command('envspec')
      .description(
        'Mocks, reference servers, contract tests and spec tooling for the Qoder, Fabro, Datadog and LaunchDarkly environment APIs.',
      )
      .version(version),
  );
  for (const command of [
    createStartCommand(prismEngine ? { prismEngine } : {}),
    createMockCommand(prismEngine ? { prismEngine } : {}),
    createServeCommand(),
    createContractCommand(),
    ...(await checkoutCommands(cwd)),
    // With `exit`, its usage errors surface as a CommanderError for runCli, like every other command's.
    createDiffCommand({ cwd, exit: (code) => (process.exitCode = code) }),
  ])
    program.addCommand(command);
  return program;
}
