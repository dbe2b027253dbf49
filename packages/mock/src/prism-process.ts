import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { waitForHttp } from './wait-for-http.ts';

/** How Prism answers: with the spec's examples, or with data generated from the schemas. */
export type PrismMode = 'static' | 'dynamic';

export interface PrismOptions {
  specPath: string;
  port: number;
  host?: string;
  mode?: PrismMode;
  /** Prism's own permissive CORS (`Access-Control-Allow-Origin: *`). Default on; the mock front turns it off and answers CORS itself. */
  cors?: boolean;
  /** Seed for dynamic mode, so generated responses repeat run to run. */
  seed?: string;
  /** Called with each line Prism logs. */
  onLog?: (line: string) => void;
}

export interface PrismProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const exitWithParent = new URL('./engine/exit-with-parent.js', import.meta.url).href;

/** Starts `prism mock` as a child process and resolves once it answers HTTP. */
export async function startPrism({
  specPath,
  port,
  host = '127.0.0.1',
  mode = 'static',
  cors = true,
  seed,
  onLog,
}: PrismOptions): Promise<PrismProcess> {
  // One process, whatever NODE_ENV says: with --multiprocess Prism forks, and `child` would not be the server.
  const args = [
    '--import',
    exitWithParent,
    prismBin,
    'mock',
    specPath,
    '--port',
    String(port),
    '--host',
    host,
    cors ? '--cors' : '--no-cors',
    '--no-multiprocess',
  ];
  if (mode === 'dynamic') args.push('--dynamic');
  if (seed !== undefined) args.push('--seed', seed);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    // The IPC channel is how the child knows its parent is alive (exit-with-parent.js).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.channel?.unref();
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      onLog?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never leave a Prism behind when this process exits without stopping it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const url = `http://${host}:${port}`;
  const ready = new AbortController();
  try {
    await Promise.race([
      waitForHttp(url, { signal: ready.signal }),
      exited.then((code) => {
        throw new Error(`prism mock for ${specPath} exited with ${code} before answering:\n${output.join('\n')}`);
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
