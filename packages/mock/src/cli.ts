#!/usr/bin/env node
/**
 * `envspec mock` on its own: what this package's tests start as a developer would. Users run
 * `envspec mock` from @envspec/cli.
 */
import { runCli } from '@envspec/cli-kit';
import { createMockCommand } from './command/mock-command.ts';

await runCli(createMockCommand().name('envspec-mock'), process.argv.slice(2));
