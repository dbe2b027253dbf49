/**
 * Runs a commander program as a process's command line: commander's own errors and `UsageError`
 * exit 2 with one line and the usage hint, any other failure exits 1 with its message (no stack
 * trace), and output piped into a reader that closes early (`| head`) is not an error.
 */
import { type Command, CommanderError } from 'commander';
import { UsageError, usageHint } from './usage.ts';

export interface RunCliOptions {
  /** Called with the exit status; default: set `process.exitCode`. */
  exit?: (code: number) => void;
  writeError?: (text: string) => void;
}

function stopQuietlyOnEpipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

/**
 * `pnpm start -- --mode stateful` runs `envspec start -- --mode stateful`: pnpm hands its `--` on.
 * A `--` with only command names before it is that separator, not the end of this command's options.
 */
export function withoutPassThroughSeparator(argv: readonly string[]): string[] {
  const at = argv.indexOf('--');
  if (at < 0 || argv.slice(0, at).some((token) => token.startsWith('-'))) return [...argv];
  return [...argv.slice(0, at), ...argv.slice(at + 1)];
}

export async function runCli(program: Command, argv: readonly string[], options: RunCliOptions = {}): Promise<void> {
  const exit = options.exit ?? ((code: number) => (process.exitCode = code));
  const writeError = options.writeError ?? ((text: string) => process.stderr.write(text));
  if (!options.exit) {
    stopQuietlyOnEpipe(process.stdout);
    stopQuietlyOnEpipe(process.stderr);
  }
  const args = withoutPassThroughSeparator(argv);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return exit(error.exitCode);
    if (error instanceof UsageError) {
      writeError(`error: ${error.message}\n${usageHint}\n`);
      return exit(2);
    }
    writeError(`${program.name()}: ${error instanceof Error ? error.message : String(error)}\n`);
    exit(1);
  }
}
