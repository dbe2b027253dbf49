import { spawn, type ChildProcess } from 'node:child_process';
import { waitForHttp } from '@envspec/mock';

export interface Child {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a long-running child, resolves once `readyUrl` answers, and stops it with SIGTERM (SIGKILL after 5 s). */
export async function spawnUntilReady(
  command: string,
  args: string[],
  readyUrl: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Child> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.shift();
  };
  child.stdout?.on('data', keep);
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
      waitForHttp(readyUrl),
      exited.then(() => {
        throw new Error(`${command} ${args.join(' ')} exited before answering:\n${output.join('')}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, stop };
}
