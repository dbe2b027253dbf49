/**
 * Loading Prism's modules is the slowest part of `envspec start` and `envspec mock`: the engine
 * process is forked first, from a glance at the command line, so it loads them while this process
 * loads the command line, the fronts and the reference servers on the other core. A wrong guess
 * costs a child that is disposed: the command line is parsed properly afterwards, and a fork that
 * nothing adopts (a usage error, `--help`) is ended.
 */
import { prelaunchPrismEngine, type PrismHostLaunch } from '@envspec/mock/engine';
import { withoutPassThroughSeparator } from '@envspec/cli-kit';

/** The `--mode` a command line asks for, or undefined when it names none. */
function modeOf(args: readonly string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    if (arg === '--mode') return args[index + 1];
    if (arg.startsWith('--mode=')) return arg.slice('--mode='.length);
  }
  return undefined;
}

/** Forks the Prism engine when `argv` will need one: `start` or `mock`, in a Prism mode, not asking for help. */
export function prelaunchFor(argv: readonly string[]): PrismHostLaunch | undefined {
  const [command, ...args] = withoutPassThroughSeparator(argv);
  if (command !== 'start' && command !== 'mock') return undefined;
  if (args.some((arg) => arg === '-h' || arg === '--help')) return undefined;
  return modeOf(args) === 'stateful' ? undefined : prelaunchPrismEngine();
}
