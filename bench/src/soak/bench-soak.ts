import { spawn } from 'node:child_process';
import { summarize, type Summary } from '../stats.ts';

export interface SoakBenchOptions {
  rounds: number;
  roundSeconds: number;
  concurrency: number;
  root: string;
  log: (line: string) => void;
}

/** One `pnpm soak --json` run: the reference-server CLI in a child process, loaded by the soak's own generator. */
interface SoakRound {
  requests: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, Record<string, number>>;
  unexpected: Record<string, unknown>;
  lostWrites: Record<string, string[]>;
  rssMiB: { quarters: number[]; peak: number };
  growing: boolean;
}

export interface SoakResults {
  rounds: number;
  roundSeconds: number;
  concurrency: number;
  writeRatio: number;
  requestsPerSecond: Summary;
  p50Ms: Summary;
  p99Ms: Summary;
  peakRssMiB: Summary;
  /** Rounds with an undocumented answer, a transport failure, a lost write or memory still growing: their numbers do not count. */
  failedRounds: number;
}

const writeRatio = 0.3;

function soakRound(options: SoakBenchOptions): Promise<SoakRound> {
  const args = [
    '--filter',
    '@envspec/server',
    '--silent',
    'soak',
    '--',
    '--seconds',
    String(options.roundSeconds),
    '--concurrency',
    String(options.concurrency),
    '--write-ratio',
    String(writeRatio),
    '--json',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', args, { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      // Exit 1 still carries the figures (an undocumented answer, a lost write): the round is flagged, not lost.
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as SoakRound);
      } catch {
        reject(
          new Error(`pnpm ${args.join(' ')} exited with ${code} without its JSON figures:\n${stderr.slice(-2000)}`),
        );
      }
    });
  });
}

/**
 * The soak's throughput, which its test no longer asserts: `pnpm --filter @envspec/server soak --json`
 * (the server CLI in a child process, all four vendors, the soak's mix of GETs and 30 % writes on
 * kept-alive connections), round after round, each on a freshly started server.
 */
export async function benchSoak(options: SoakBenchOptions): Promise<SoakResults> {
  const rounds: SoakRound[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const result = await soakRound(options);
    rounds.push(result);
    const failed = soakRoundFailed(result) ? ' — FAILED: see `pnpm --filter @envspec/server soak`' : '';
    options.log(
      `  soak round ${round}: ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, peak RSS ${result.rssMiB.peak.toFixed(0)} MiB${failed}`,
    );
  }
  return {
    rounds: options.rounds,
    roundSeconds: options.roundSeconds,
    concurrency: options.concurrency,
    writeRatio,
    requestsPerSecond: summarize(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: summarize(rounds.map((round) => round.p50Ms)),
    p99Ms: summarize(rounds.map((round) => round.p99Ms)),
    peakRssMiB: summarize(rounds.map((round) => round.rssMiB.peak)),
    failedRounds: rounds.filter(soakRoundFailed).length,
  };
}

function soakRoundFailed(round: SoakRound): boolean {
  return Object.keys(round.unexpected).length > 0 || Object.keys(round.lostWrites).length > 0 || round.growing;
}
