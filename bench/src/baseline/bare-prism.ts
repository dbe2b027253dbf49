import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { waitForHttp } from '@envspec/testkit';

/** One bare `prism mock` of one spec: the baseline every mock start-up and throughput figure is compared with. */
export interface BarePrism {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

/** Starts `prism mock` as a user would (static examples, one process) and resolves once it answers HTTP. */
export async function startBarePrism({ specPath, port }: { specPath: string; port: number }): Promise<BarePrism> {
  // --no-multiprocess: with it Prism forks, and `child` (whose RSS the bench reads) would not be the server.
  const args = [prismBin, 'mock', specPath, '--port', String(port), '--host', '127.0.0.1', '--no-multiprocess'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => process.off('exit', killOnExit));

  const url = `http://127.0.0.1:${port}`;
  const ready = new AbortController();
  try {
    await Promise.race([
      waitForHttp(url, { signal: ready.signal }),
      exited.then(() => {
        throw new Error(`prism mock of ${specPath} exited before answering:\n${errors.join('')}`);
      }),
    ]);
  } catch (error) {
    ready.abort();
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
