#!/usr/bin/env node
import { runCli } from '@envspec/cli-kit';
import { createProgram } from './program.ts';

await runCli(await createProgram(), process.argv.slice(2));
