#!/usr/bin/env node
/**
 * `envspec serve` on its own: what tests that treat the server as a black box start (through the
 * `@envspec/server/cli` export). Users run `envspec serve` from @envspec/cli.
 */
import { runCli } from '@envspec/cli-kit';
import { createServeCommand } from './command/serve-command.ts';

await runCli(createServeCommand().name('envspec-server'), process.argv.slice(2));
