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
  /** Called with the exit status instead of setting `process.exitCode`. */
  exit?: (code: number) => void;
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
      // --help and --version are not errors; everything else commander rejects is a usage error.
      const ok =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version';
      throw new CommanderError(ok ? 0 : 2, error.code, error.message);
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

/** Runs a program holding commands made as above: usage errors exit 2 without a stack trace. */
export async function runProgram(
  program: Command,
  argv: readonly string[],
  exit: (code: number) => void = (code) => (process.exitCode = code),
): Promise<void> {
  for (const command of [program, ...program.commands]) {
    command.exitOverride((error: CommanderError) => {
      const ok =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version';
      throw new CommanderError(ok ? 0 : 2, error.code, error.message);
    });
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exit(error.exitCode);
      return;
    }
    throw error;
  }
}
