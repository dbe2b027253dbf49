#!/usr/bin/env node
import { prelaunchFor } from './prelaunch.ts';

const argv = process.argv.slice(2);
// Before anything heavy loads (see prelaunch.ts).
const prismEngine = prelaunchFor(argv);
const [{ runCli }, { createProgram }] = await Promise.all([import('@envspec/cli-kit'), import('./program.ts')]);
try {
  await runCli(await createProgram({ ...(prismEngine ? { prismEngine } : {}) }), argv);
} finally {
  // Ends the engine unless a command adopted it (a usage error, --help, a failed start).
  prismEngine?.dispose();
}
