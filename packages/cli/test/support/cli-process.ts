/** The real `envspec` CLI in a child process, as a user or a CI step runs it. */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { vendors, type Vendor } from '@envspec/specs';
import { findFreePort } from '@envspec/testkit';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout or stderr matches; rejects with both when the CLI exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `envspec <args>` from this package's sources (tsx as a loader, no wrapper process). */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  return watch(
    spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
      cwd: packageDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Runs the repository's `pnpm start -- <args>`, as its README says (pnpm hands the `--` on). */
export function spawnPnpmStart(args: readonly string[]): CliProcess {
  return watch(spawn('pnpm', ['start', '--', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function watch(child: ChildProcessWithoutNullStreams | ChildProcess): CliProcess {
  const { stdout, stderr } = child as ChildProcessWithoutNullStreams;
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    notify();
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    notify();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const done = (error?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) done();
        };
        const timer = setTimeout(
          () => done(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}\n${err}`)),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then(({ code, signal }) =>
          done(new Error(`envspec exited (${signal ?? code}) before ${pattern}:\n${out}\n${err}`)),
        );
        check();
      });
    },
  };
}

/** True when nothing listens on `port`: this process could take it now. */
export function canListen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export type VendorPorts = Record<Vendor, number>;

const handedOut = new Set<number>();

/** A free port per vendor, none handed out before in this test process. */
export async function freeVendorPorts(): Promise<VendorPorts> {
  const ports = {} as VendorPorts;
  for (const vendor of vendors) {
    let port = await findFreePort();
    while (handedOut.has(port)) port = await findFreePort();
    handedOut.add(port);
    ports[vendor] = port;
  }
  return ports;
}

/** `--flag qoder=N --flag fabro=N …` for every vendor (or the ones given). */
export function portFlags(flag: string, ports: VendorPorts, only: readonly Vendor[] = vendors): string[] {
  return only.flatMap((vendor) => [flag, `${vendor}=${ports[vendor]}`]);
}
