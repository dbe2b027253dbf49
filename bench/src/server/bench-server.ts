import { fileURLToPath } from 'node:url';
import { startBarePrism } from '../baseline/bare-prism.ts';
import type { Vendor } from '@envspec/specs';
import { bundlePath } from '@envspec/specs/files';
import { findFreePort as freePort } from '@envspec/testkit';
import { startChildServer } from '../process.ts';
import { pairedRatio, summarize, type Summary } from '../stats.ts';
import { checkWorkload, runLoad, type LoadRound } from './load.ts';
import { serverVariants, type ServerVariant } from './variants.ts';
import { workloadFor } from './workloads.ts';

export interface ServerBenchOptions {
  vendors: readonly Vendor[];
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
  /** pino level of the Express variants (`envspec-server`'s default is info). */
  logLevel: string;
  /** Profile the Express variants into this folder (`--cpu-prof`). */
  cpuProfDir?: string;
  log: (line: string) => void;
}

export interface VariantResult {
  requestsPerSecond: Summary;
  p50Ms: Summary;
  p99Ms: Summary;
  /** Peak RSS per round, MiB (null where /proc is unavailable). */
  rssMiB: Summary | null;
  /** Summed over the measured rounds; any non-zero value invalidates the variant's numbers. */
  non2xx: number;
  errors: number;
}

export interface VendorServerResult {
  variants: Record<ServerVariant, VariantResult>;
  /** Requests/s of the reference server over each other variant, paired round by round. */
  ratios: { vsUnvalidated: Summary; vsBare: Summary; vsPrism: Summary };
}

export interface ServerResults {
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
  logLevel: string;
  vendors: Partial<Record<Vendor, VendorServerResult>>;
}

interface Target {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const variantEntry = fileURLToPath(new URL('./serve-variant.ts', import.meta.url));

async function startVariant(variant: ServerVariant, vendor: Vendor, options: ServerBenchOptions): Promise<Target> {
  if (variant === 'prism') {
    const prism = await startBarePrism({ specPath: bundlePath(vendor), port: await freePort() });
    return { url: prism.url, pid: prism.child.pid!, stop: () => prism.stop() };
  }
  return startChildServer(variantEntry, [variant, vendor, options.logLevel], {
    name: `${variant}-${vendor}`,
    ...(options.cpuProfDir && variant !== 'bare' ? { cpuProfDir: options.cpuProfDir } : {}),
  });
}

function summarizeVariant(rounds: LoadRound[]): VariantResult {
  const rss = rounds.map((round) => round.rssMiB).filter((value): value is number => value !== undefined);
  return {
    requestsPerSecond: summarize(rounds.map((round) => round.requestsPerSecond)),
    p50Ms: summarize(rounds.map((round) => round.p50Ms)),
    p99Ms: summarize(rounds.map((round) => round.p99Ms)),
    rssMiB: rss.length > 0 ? summarize(rss) : null,
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

/**
 * For one vendor: starts all four variants, checks the workload succeeds on each, warms each up,
 * then measures round by round, every variant once per round in a rotating order, so a slow moment
 * of the machine lands on all of them and the per-round ratios stay fair.
 */
async function benchVendor(vendor: Vendor, options: ServerBenchOptions): Promise<VendorServerResult> {
  const targets = new Map<ServerVariant, Target>();
  try {
    for (const variant of serverVariants) targets.set(variant, await startVariant(variant, vendor, options));
    const workload = await workloadFor(vendor, targets.get('reference')!.url);
    for (const [variant, target] of targets) await checkWorkload(target.url, workload, `${vendor} ${variant}`);
    for (const [variant, target] of targets) {
      options.log(`  ${vendor} ${variant}: warm-up ${options.warmupSeconds} s`);
      await runLoad(target.url, workload, { connections: options.connections, seconds: options.warmupSeconds });
    }
    const rounds = new Map<ServerVariant, LoadRound[]>(serverVariants.map((variant) => [variant, []]));
    for (let round = 0; round < options.rounds; round += 1) {
      const order = serverVariants.map((_, i) => serverVariants[(i + round) % serverVariants.length]!);
      for (const variant of order) {
        const target = targets.get(variant)!;
        const result = await runLoad(target.url, workload, {
          connections: options.connections,
          seconds: options.roundSeconds,
          pid: target.pid,
        });
        rounds.get(variant)!.push(result);
        const rss = result.rssMiB === undefined ? '' : `, ${result.rssMiB.toFixed(0)} MiB`;
        const failures = result.non2xx + result.errors > 0 ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : '';
        options.log(
          `  ${vendor} ${variant} round ${round + 1}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${rss}${failures}`,
        );
      }
    }
    const rps = (variant: ServerVariant) => rounds.get(variant)!.map((round) => round.requestsPerSecond);
    const variants = Object.fromEntries(
      serverVariants.map((variant) => [variant, summarizeVariant(rounds.get(variant)!)]),
    ) as Record<ServerVariant, VariantResult>;
    return {
      variants,
      ratios: {
        vsUnvalidated: pairedRatio(rps('reference'), rps('unvalidated')),
        vsBare: pairedRatio(rps('reference'), rps('bare')),
        vsPrism: pairedRatio(rps('reference'), rps('prism')),
      },
    };
  } finally {
    await Promise.all([...targets.values()].map((target) => target.stop()));
  }
}

export async function benchServers(options: ServerBenchOptions): Promise<ServerResults> {
  const vendors: ServerResults['vendors'] = {};
  for (const vendor of options.vendors) {
    options.log(`server: ${vendor}`);
    vendors[vendor] = await benchVendor(vendor, options);
  }
  const { connections, warmupSeconds, roundSeconds, rounds, logLevel } = options;
  return { connections, warmupSeconds, roundSeconds, rounds, logLevel, vendors };
}
