import { spawn, type ChildProcess } from 'node:child_process';
import { waitForHttp } from '@envspec/mock';

export interface Child {
  child: ChildProcess;
  /** What the child printed on stdout until it was ready. */
  stdout: string;
  stop(): Promise<void>;
}

/**
 * Spawns a long-running child, resolves once it is ready — `ready` answers (a URL), or its stdout so
 * far satisfies `ready` (a predicate) — and stops it with SIGTERM (SIGKILL after 5 s).
 */
export async function spawnUntilReady(
  command: string,
  args: string[],
  ready: string | ((stdout: string) => boolean),
  env: NodeJS.ProcessEnv = {},
): Promise<Child> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output: string[] = [];
  let stdout = '';
  let printedReady: () => void = () => undefined;
  let readyTimer: NodeJS.Timeout | undefined;
  const printed = new Promise<void>((resolve, reject) => {
    printedReady = resolve;
    // As long as waitForHttp waits for a URL.
    readyTimer = setTimeout(() => reject(new Error(`${command} did not say it was ready within 60 s`)), 60_000);
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.shift();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    keep(chunk);
    stdout += chunk.toString();
    if (typeof ready === 'function' && ready(stdout)) printedReady();
  });
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await Promise.race([
      typeof ready === 'string' ? waitForHttp(ready) : printed,
      exited.then(() => {
        throw new Error(`${command} ${args.join(' ')} exited before answering:\n${output.join('')}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(readyTimer);
  }
  return { child, stdout, stop };
}
