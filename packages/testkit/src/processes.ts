import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A loopback port that was free a moment ago, for tests that start their own servers. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves once `url` answers any HTTP response; rejects after `timeoutMs` or when `signal` aborts. */
export async function waitForHttp(
  url: string,
  {
    timeoutMs = 60_000,
    intervalMs = 50,
    signal,
  }: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

export interface Child {
  child: ChildProcess;
  /** What the child printed on stdout until it was ready. */
  stdout: string;
  /** What the child wrote to stdout and stderr, the last 100 chunks. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the child has exited. */
  stop(): Promise<void>;
}

/**
 * Spawns a long-running child and resolves once it is ready: `ready` answers any HTTP response (a
 * URL), or its stdout so far satisfies `ready` (a predicate, for a child that picks its own port and
 * prints it). Stopped with SIGTERM (SIGKILL after 5 s). Rejects with the child's output when it exits
 * first or is not ready in `timeoutMs`.
 */
export async function spawnUntilReady(
  command: string,
  args: readonly string[],
  ready: string | ((stdout: string) => boolean),
  { env = {}, cwd, timeoutMs = 60_000 }: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<Child> {
  const child = spawn(command, [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    ...(cwd ? { cwd } : {}),
  });
  const chunks: string[] = [];
  const keep = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    if (chunks.length > 100) chunks.shift();
  };
  let stdout = '';
  let isReady = false;
  let printedReady: () => void = () => undefined;
  const printed = new Promise<void>((resolve) => {
    printedReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    keep(chunk);
    if (isReady) return;
    stdout += chunk.toString();
    if (typeof ready === 'function' && ready(stdout)) printedReady();
  });
  child.stderr?.on('data', keep);
  const output = () => chunks.join('');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const readiness = new AbortController();
  let deadline: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      typeof ready === 'string'
        ? waitForHttp(ready, { timeoutMs, signal: readiness.signal })
        : Promise.race([
            printed,
            new Promise<never>((_resolve, reject) => {
              deadline = setTimeout(
                () => reject(new Error(`${command} did not print that it was ready within ${timeoutMs} ms`)),
                timeoutMs,
              );
            }),
          ]),
      exited.then(() => {
        throw new Error(`${command} ${args.join(' ')} exited before answering:\n${output()}`);
      }),
    ]);
  } catch (error) {
    readiness.abort();
    await stop();
    throw error instanceof Error && !error.message.includes('exited before answering')
      ? new Error(`${error.message}:\n${output()}`)
      : error;
  } finally {
    clearTimeout(deadline);
  }
  isReady = true;
  return { child, stdout, output, stop };
}
