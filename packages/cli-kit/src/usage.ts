/**
 * How every envspec command treats a user's mistake: one line saying what is wrong, a usage hint,
 * exit status 2 and never a stack trace. `--help` and `--version` exit 0.
 */
import { type Command, CommanderError, InvalidArgumentError } from 'commander';

/** A command line that parsed but makes no sense (a flag combination, a value for a vendor not selected). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const usageHint = '(run with --help for usage)';

const successCodes = new Set(['commander.helpDisplayed', 'commander.version']);

/** The exit status for what commander rejected or displayed. */
export function exitCodeOf(error: CommanderError): number {
  return successCodes.has(error.code) ? 0 : 2;
}

/**
 * Turns a parser that throws `Error` into a commander value parser: commander then reports
 * `error: option '--port <vendor=N>' argument 'x' is invalid. <message>` instead of a stack trace.
 */
export function argument<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

/**
 * A repeatable flag whose values may also be comma-separated (`--vendor qoder --vendor fabro`, or
 * `--vendor qoder,fabro`): each value parsed, all of them collected in order.
 */
export function repeatable<T>(parse: (text: string) => T): (text: string, previous: T[] | undefined) => T[] {
  const one = argument(parse);
  return (text, previous) => [
    ...(previous ?? []),
    ...text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map(one),
  ];
}

/**
 * The usage conventions on one command (commander does not pass them on to commands added with
 * `addCommand`): the hint after an error, and usage errors surfacing as a `CommanderError` carrying
 * exit status 2 for `runCli` to act on.
 */
export function configureCommand<C extends Command>(command: C): C {
  command.showHelpAfterError(usageHint).exitOverride((error: CommanderError) => {
    throw new CommanderError(exitCodeOf(error), error.code, error.message);
  });
  return command;
}
