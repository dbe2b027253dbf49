import { fileURLToPath } from 'node:url';
import type { Vendor } from '@envspec/specs';
import { startServerProcess, type ServerProcess } from '@envspec/testkit';

export type { ServerProcess } from '@envspec/testkit';

const serverCli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** This package's `envspec-server` CLI in a child process, on free ports for `vendors`. */
export function startServer(vendors: readonly Vendor[], args: readonly string[]): Promise<ServerProcess> {
  return startServerProcess(serverCli, vendors, args);
}
