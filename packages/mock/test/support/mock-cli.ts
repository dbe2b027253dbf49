/** The real `envspec-mock` CLI in a child process, as a developer starts it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Vendor } from '@envspec/specs';
import { findFreePort } from '@envspec/testkit';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningCli {
  url: string;
  /** Everything it printed so far. */
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

/** `envspec-mock --vendor V` with `flags` on a free port; resolves once its banner is printed in full. */
export async function startMockCli(vendor: Vendor, flags: readonly string[] = []): Promise<RunningCli> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', '--vendor', vendor, '--port', `${vendor}=${port}`, ...flags],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The banner's last line says how CORS is set.
      if (/^CORS (off|for) .*\.$/m.test(stdout)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`envspec-mock exited with ${code}:\n${stdout}\n${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
