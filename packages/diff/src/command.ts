/**
 * `diff <base> <head> [--format markdown|json|github] [--fail-on breaking|warning]` as a commander
 * command, self-contained so that any CLI can mount it (`envspec diff`). Exit status: 0 nothing at
 * or above `--fail-on`, 1 something is, 2 the input or the command line is wrong (one line, no
 * stack trace).
 */
import { Command, CommanderError, Option } from 'commander';
import { diffFiles } from './diff.ts';
import { DiffInputError } from './errors.ts';
import { formatGithub } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { formatMarkdown } from './format/markdown.ts';
import { exitCodeFor, type FailOn, failOnLevels } from './policy.ts';

export const formats = ['markdown', 'json', 'github'] as const;
export type Format = (typeof formats)[number];

export interface DiffCommandOptions {
  /** Where relative paths are resolved; default `process.cwd()`. */
  cwd?: string;
  write?: (text: string) => void;
  writeError?: (text: string) => void;
  /**
   * Called with the exit status instead of setting `process.exitCode`. With it, a usage error
   * throws a `CommanderError` carrying its exit status (see `runProgram`) instead of exiting.
   */
  exit?: (code: number) => void;
}

/** --help and --version end with 0; everything else commander rejects is a usage error: 2. */
function exitCodeOf(error: CommanderError): number {
  const ok = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
  return ok ? 0 : 2;
}

export function createDiffCommand(options: DiffCommandOptions = {}): Command {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const writeError = options.writeError ?? ((text: string) => process.stderr.write(text));
  const exit = options.exit ?? ((code: number) => (process.exitCode = code));

  const command = new Command('diff')
    .description('Compare two OpenAPI 3.0/3.1 documents and classify every change as breaking, warning or info.')
    .argument('<base>', 'the old document: a file (YAML or JSON) or git-ref:path')
    .argument('<head>', 'the new document: a file (YAML or JSON) or git-ref:path')
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('markdown'))
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a change is at least this level')
        .choices(failOnLevels)
        .default('breaking'),
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: write, writeErr: writeError, outputError: (text, print) => print(text) })
    .exitOverride((error: CommanderError) => {
      // Self-contained: mounted in any CLI, a usage error still exits 2 with one line, no stack trace.
      const code = exitCodeOf(error);
      if (!options.exit) process.exit(code);
      throw new CommanderError(code, error.code, error.message);
    })
    .action(async (base: string, head: string, flags: { format: Format; failOn: FailOn }) => {
      try {
        const result = await diffFiles(base, head, options.cwd ? { cwd: options.cwd } : {});
        if (flags.format === 'json') write(formatJson(result.changes));
        else if (flags.format === 'github') write(formatGithub(result.changes, [result.base, result.head]));
        else write(formatMarkdown(result.changes, `API changes: ${base} → ${head}`));
        exit(exitCodeFor(result.changes, flags.failOn));
      } catch (error) {
        if (!(error instanceof DiffInputError)) throw error;
        writeError(`diff: ${error.message}\n`);
        exit(2);
      }
    });
  return command;
}

/** Runs a CLI program (such as one with the diff command mounted): its own usage errors exit 2 too. */
export async function runProgram(
  program: Command,
  argv: readonly string[],
  exit: (code: number) => void = (code) => (process.exitCode = code),
): Promise<void> {
  program.exitOverride((error: CommanderError) => {
    throw new CommanderError(exitCodeOf(error), error.code, error.message);
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exit(error.exitCode);
  }
}
