/**
 * The real `envspec-server` CLI in a child process (as an operator runs it, one replica per
 * process), on free ports, found through the table it prints once every server listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Vendor } from '@envspec/specs';

export interface ServerProcess {
  child: ChildProcess;
  url(vendor: Vendor): string;
  /** Everything written to stderr (the JSON request log). */
  logs(): string;
  /** Resolves when the process has exited, however. */
  exited: Promise<void>;
  /** SIGTERM, then waits for the graceful stop. */
  stop(): Promise<void>;
}

/**
 * Runs the server CLI at `cli` (its package resolves it: `@envspec/server/cli`) through tsx with
 * `--vendor V --port V=0` for each of `vendors`, then `args`; resolves once every vendor's URL is printed.
 */
export async function startServerProcess(
  cli: string,
  vendors: readonly Vendor[],
  args: readonly string[],
): Promise<ServerProcess> {
  const argv = [
    '--import',
    'tsx',
    cli,
    ...vendors.flatMap((vendor) => ['--vendor', vendor, '--port', `${vendor}=0`]),
    ...args,
  ];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = await new Promise<Map<Vendor, string>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 60 s:\n${stdout}\n${stderr.slice(-2000)}`));
    }, 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${stdout}\n${stderr.slice(-2000)}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = new Map<Vendor, string>();
      for (const match of stdout.matchAll(/^(\w+)\s+(http:\/\/\S+)/gm)) found.set(match[1] as Vendor, match[2]!);
      if (vendors.every((vendor) => found.has(vendor))) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  return {
    child,
    url: (vendor) => urls.get(vendor)!,
    logs: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
