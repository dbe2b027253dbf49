import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { startMocks, startPrism } from '@envspec/mock';
import { vendors, type Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { findFreePort as freePort } from '@envspec/testkit';
import { summarize, type Summary } from '../stats.ts';

export interface ToolchainBenchOptions {
  rounds: number;
  /** Time `pnpm test` with a cold and a warm turbo cache (minutes on a 2-core machine). */
  testCache: boolean;
  root: string;
  log: (line: string) => void;
}

export interface TestRun {
  ms: number;
  exitCode: number | null;
  /** Turbo's summary: tasks served from the cache, and all tasks. */
  cached: number | null;
  total: number | null;
  /** Tasks turbo reports as failed (e.g. `@envspec/mock#test`). */
  failed?: string[];
}

export interface ToolchainResults {
  /** `tsx packages/types/scripts/generate.ts --check`: renders all four specs' types (writes nothing), process start to exit. */
  codegenMs: Summary;
  /** `startServers()` until all four reference servers have answered, in a fresh process. */
  referenceReadyMs: Summary;
  /** The same, counted from the process start (Node, tsx and the server's imports included). */
  referenceReadyFromProcessStartMs: Summary;
  /** `startMocks()` until all four mocks answer (four Prism children started in parallel). */
  mocksReadyMs: Summary;
  /** One `prism mock` child (`startPrism`) until it answers, each spec in turn. */
  prismStartMs: Summary;
  /** `pnpm test` with turbo's cache bypassed (TURBO_FORCE) and then again with it warm. */
  test: { cold: TestRun; warm: TestRun } | null;
}

function timed(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ ms: number; exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ ms: performance.now() - started, exitCode, output }));
  });
}

/** Turbo's `Cached:    12 cached, 30 total` line and its `Failed:    pkg#task` lines. */
export function parseTurboSummary(output: string): { cached: number | null; total: number | null; failed: string[] } {
  const plain = stripVTControlCharacters(output);
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(plain);
  const failed = [...plain.matchAll(/^\s*Failed:\s+(\S+#\S+)\s*$/gm)].map((line) => line[1]!);
  return { ...(match ? { cached: Number(match[1]), total: Number(match[2]) } : { cached: null, total: null }), failed };
}

async function referenceReady(): Promise<{ startMs: number; sinceProcessStartMs: number }> {
  const child = fork(fileURLToPath(new URL('./serve-fleet.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { startMs: number; sinceProcessStartMs: number }) => resolve(message));
    child.once('exit', (code) => reject(new Error(`the reference fleet exited with ${code} before reporting`)));
  });
}

async function testRun(root: string, env: NodeJS.ProcessEnv): Promise<TestRun> {
  const run = await timed('pnpm', ['test'], { cwd: root, env: { ...env, FORCE_COLOR: '0' } });
  return { ms: run.ms, exitCode: run.exitCode, ...parseTurboSummary(run.output) };
}

export async function benchToolchain(options: ToolchainBenchOptions): Promise<ToolchainResults> {
  const { log, root, rounds } = options;
  const codegen: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const run = await timed(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--check'], {
      cwd: `${root}/packages/types`,
    });
    if (run.exitCode !== 0)
      log(`  codegen --check exited ${run.exitCode} (stale types?); timed anyway:\n${run.output.slice(-500)}`);
    codegen.push(run.ms);
    log(`  codegen round ${round + 1}: ${run.ms.toFixed(0)} ms`);
  }

  const ready: Array<{ startMs: number; sinceProcessStartMs: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    ready.push(await referenceReady());
    log(
      `  reference servers round ${round + 1}: answering ${ready[round]!.startMs.toFixed(0)} ms after startServers(), ${ready[round]!.sinceProcessStartMs.toFixed(0)} ms after process start`,
    );
  }

  const mocks: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    const fleet = await startMocks({
      ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])) as Record<Vendor, number>,
    });
    mocks.push(performance.now() - started);
    await fleet.stop();
    log(`  mocks round ${round + 1}: all four ready in ${mocks[round]!.toFixed(0)} ms`);
  }

  const prism: number[] = [];
  for (const vendor of vendors) {
    const port = await freePort();
    const started = performance.now();
    const process = await startPrism({ specPath: bundlePath(vendor), port });
    prism.push(performance.now() - started);
    await process.stop();
    log(`  prism ${vendor}: answering in ${prism[prism.length - 1]!.toFixed(0)} ms`);
  }

  let test: ToolchainResults['test'] = null;
  if (options.testCache) {
    log('  pnpm test, cold cache (TURBO_FORCE=true) …');
    const cold = await testRun(root, { TURBO_FORCE: 'true' });
    log(
      `  pnpm test cold: ${(cold.ms / 1000).toFixed(1)} s, exit ${cold.exitCode}, ${cold.cached}/${cold.total} cached${cold.failed?.length ? `, failed: ${cold.failed.join(', ')}` : ''}`,
    );
    const warm = await testRun(root, {});
    log(
      `  pnpm test warm: ${(warm.ms / 1000).toFixed(1)} s, exit ${warm.exitCode}, ${warm.cached}/${warm.total} cached`,
    );
    test = { cold, warm };
  }

  return {
    codegenMs: summarize(codegen),
    referenceReadyMs: summarize(ready.map((round) => round.startMs)),
    referenceReadyFromProcessStartMs: summarize(ready.map((round) => round.sinceProcessStartMs)),
    mocksReadyMs: summarize(mocks),
    prismStartMs: summarize(prism),
    test,
  };
}
