#!/usr/bin/env -S npx tsx
/** `tsx packages/diff/src/cli.ts diff <base> <head> [--format …] [--fail-on …]` (root: `pnpm diff <base> <head>`). */
import { Command } from 'commander';
import { createDiffCommand, runProgram } from './command.ts';

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw error;
});

// Under `pnpm diff`, scripts run at the repository root; INIT_CWD is where the user typed it.
const cwd = process.env.INIT_CWD ?? process.cwd();
const program = new Command('envspec')
  .description('envspec tools')
  .showHelpAfterError('(run with --help for usage)')
  .addCommand(createDiffCommand({ cwd }));

try {
  await runProgram(
    program,
    process.argv.slice(2).filter((argument, index) => !(index === 0 && argument === '--')),
  );
} catch (error) {
  console.error(`diff failed: ${(error as Error).message}`);
  process.exitCode = 2;
}
