import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { startMocks } from '@envspec/mock';
import { startBarePrism } from '../baseline/bare-prism.ts';
import { vendors, type Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { findFreePort as freePort } from '@envspec/testkit';
import { readRssMiB, sampleRss } from '../process.ts';
import { runLoad } from '../server/load.ts';
import { fabroWorkload, workloads, type Workload } from '../server/workloads.ts';
import { summarize, type Summary } from '../stats.ts';
import { benchStart, type StartResults } from './bench-start.ts';
import type { MocksReadyMessage } from './serve-mocks.ts';

export interface ToolchainBenchOptions {
  rounds: number;
  /** Time `pnpm test` with a cold and a warm turbo cache (minutes on a 2-core machine). */
  testCache: boolean;
  root: string;
  /** Length of the load round through the mocks. */
  loadSeconds: number;
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
  /** `startMocks()` until all four mocks answer (one Prism engine process serving the four specs). */
  mocksReadyMs: Summary;
  /** One `prism mock` child (`startBarePrism`) until it answers, each spec in turn. */
  prismStartMs: Summary;
  /**
   * The four mocks in a fresh process (`startMocks()`, imports included) until each answers a GET,
   * against one bare `prism mock` child until it answers, measured side by side round by round.
   */
  mocksVsPrism?: {
    mocksFromProcessStartMs: Summary;
    barePrismMs: Summary;
    /** Per-round ratio mocks / bare Prism. */
    ratio: Summary;
    /** RSS right after start: the process holding the four fronts, the shared Prism engine, and a bare `prism mock`. */
    frontRssMiB: Summary;
    engineRssMiB: Summary;
    barePrismRssMiB: Summary;
    /** Peak RSS of fronts + engine during a load round through all four fronts at once. */
    underLoad: { seconds: number; totalRssMiB: Summary; requestsPerSecond: Summary; non2xx: number };
  };
  /** `pnpm start` as a developer runs it: all eight endpoints vs one bare `prism mock`, and the RSS of what it runs. */
  start?: StartResults;
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

/** The four mocks in a fresh process (with tsx, as `pnpm start` runs them), once every front answered. */
async function freshMocks(): Promise<{ ready: MocksReadyMessage; spawnedToReadyMs: number; stop(): Promise<void> }> {
  const started = performance.now();
  const child = fork(fileURLToPath(new URL('./serve-mocks.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<MocksReadyMessage>((resolve, reject) => {
    child.once('message', (message: MocksReadyMessage) => resolve(message));
    child.once('exit', (code) => reject(new Error(`the mock fleet exited with ${code} before reporting`)));
  });
  return {
    ready,
    spawnedToReadyMs: performance.now() - started,
    async stop() {
      child.send('stop');
      await exited;
    },
  };
}

/** Each vendor's update workload against the mock at `url` (Fabro's If-Match read from it). */
async function mockWorkloads(urls: Record<Vendor, string>): Promise<Array<[string, Workload]>> {
  return Promise.all(
    vendors.map(
      async (vendor) =>
        [urls[vendor], vendor === 'fabro' ? await fabroWorkload(urls[vendor]) : workloads[vendor]] as [
          string,
          Workload,
        ],
    ),
  );
}

async function benchMocksVsPrism(
  rounds: number,
  loadSeconds: number,
  log: (line: string) => void,
): Promise<NonNullable<ToolchainResults['mocksVsPrism']>> {
  const mocks: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  const frontRss: number[] = [];
  const engineRss: number[] = [];
  const bareRss: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which side goes first, so neither always gets the warmer file cache.
    const vendor = vendors[round % vendors.length]!;
    const runBare = async () => {
      const started = performance.now();
      const prism = await startBarePrism({ specPath: bundlePath(vendor), port: await freePort() });
      const ms = performance.now() - started;
      bareRss.push(readRssMiB(prism.child.pid!) ?? Number.NaN);
      await prism.stop();
      return ms;
    };
    const runMocks = async () => {
      const fleet = await freshMocks();
      frontRss.push(readRssMiB(fleet.ready.frontPid) ?? Number.NaN);
      engineRss.push(readRssMiB(fleet.ready.enginePid) ?? Number.NaN);
      await fleet.stop();
      return fleet.spawnedToReadyMs;
    };
    let mocksMs: number;
    let bareMs: number;
    if (round % 2 === 0) {
      mocksMs = await runMocks();
      bareMs = await runBare();
    } else {
      bareMs = await runBare();
      mocksMs = await runMocks();
    }
    mocks.push(mocksMs);
    bare.push(bareMs);
    ratios.push(mocksMs / bareMs);
    log(
      `  mocks vs prism round ${round + 1}: four mocks answering ${mocksMs.toFixed(0)} ms from spawn, one bare prism (${vendor}) ${bareMs.toFixed(0)} ms: ${(mocksMs / bareMs).toFixed(2)}×; RSS fronts ${frontRss.at(-1)!.toFixed(0)} + engine ${engineRss.at(-1)!.toFixed(0)} MiB, bare prism ${bareRss.at(-1)!.toFixed(0)} MiB`,
    );
  }

  // One load round through all four fronts at once, sampling both processes.
  const fleet = await freshMocks();
  const targets = await mockWorkloads(fleet.ready.urls);
  const front = sampleRss(fleet.ready.frontPid);
  const engine = sampleRss(fleet.ready.enginePid);
  const loads = await Promise.all(
    targets.map(([url, workload]) => runLoad(url, workload, { connections: 3, seconds: loadSeconds })),
  );
  const [frontPeak, enginePeak] = [front.stop() ?? Number.NaN, engine.stop() ?? Number.NaN];
  await fleet.stop();
  const requestsPerSecond = loads.reduce((sum, load) => sum + load.requestsPerSecond, 0);
  const non2xx = loads.reduce((sum, load) => sum + load.non2xx + load.errors, 0);
  log(
    `  mocks under load (${loadSeconds} s, all four): ${requestsPerSecond.toFixed(0)} req/s, peak RSS fronts ${frontPeak.toFixed(0)} + engine ${enginePeak.toFixed(0)} MiB${non2xx ? `, ${non2xx} non-2xx/errors` : ''}`,
  );
  return {
    mocksFromProcessStartMs: summarize(mocks),
    barePrismMs: summarize(bare),
    ratio: summarize(ratios),
    frontRssMiB: summarize(frontRss),
    engineRssMiB: summarize(engineRss),
    barePrismRssMiB: summarize(bareRss),
    underLoad: {
      seconds: loadSeconds,
      totalRssMiB: summarize([frontPeak + enginePeak]),
      requestsPerSecond: summarize([requestsPerSecond]),
      non2xx,
    },
  };
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
    const process = await startBarePrism({ specPath: bundlePath(vendor), port });
    prism.push(performance.now() - started);
    await process.stop();
    log(`  prism ${vendor}: answering in ${prism[prism.length - 1]!.toFixed(0)} ms`);
  }

  const mocksVsPrism = await benchMocksVsPrism(rounds * 2, options.loadSeconds, log);
  const start = await benchStart(root, rounds * 2, options.loadSeconds, log);

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
    mocksVsPrism,
    start,
    test,
  };
}
