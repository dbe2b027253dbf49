import type { Vendor } from '@envspec/specs/vendors';
import type { VendorServerResult } from './server/bench-server.ts';
import type { AllResults } from './results.ts';
import type { Summary } from './stats.ts';
import { notes } from './notes.ts';

export type TargetId =
  | 'validated-vs-unvalidated'
  | 'validated-vs-prism'
  | 'p99'
  | 'rss'
  | 'soak-throughput'
  | 'client-overhead'
  | 'codegen'
  | 'reference-ready'
  | 'mocks-ready'
  | 'start-vs-prism'
  | 'start-rss';

/** One row of the README table: what was promised, what was measured, and whether it holds. */
export interface TargetRow {
  id: TargetId | 'info';
  target: string;
  measured: string;
  /** null: not measured in the results at hand, or informational. */
  pass: boolean | null;
  note: string;
}

interface Check {
  id: TargetId;
  target: string;
  /** Per-vendor values (server targets) or one value. */
  values: (all: AllResults) => Array<[string, number]> | undefined;
  /** True when the value meets the target. */
  meets: (value: number) => boolean;
  /** Which value is the worst one (shown first). */
  worst: 'min' | 'max';
  format: (value: number) => string;
}

const ratio = (value: number) => `${value.toFixed(2)}×`;
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

function perVendor(all: AllResults, pick: (result: VendorServerResult) => number): Array<[string, number]> | undefined {
  const vendors = all.server?.results.vendors;
  if (!vendors || Object.keys(vendors).length === 0) return undefined;
  return (Object.entries(vendors) as Array<[Vendor, VendorServerResult]>).map(([vendor, result]) => [
    vendor,
    pick(result),
  ]);
}

const one = (value: Summary | undefined): Array<[string, number]> | undefined =>
  value ? [['', value.median]] : undefined;

export const checks: Check[] = [
  {
    id: 'validated-vs-unvalidated',
    target: 'validated reference server ≥ 0.8× the same Express app unvalidated (req/s)',
    values: (all) => perVendor(all, (result) => result.ratios.vsUnvalidated.median),
    meets: (value) => value >= 0.8,
    worst: 'min',
    format: ratio,
  },
  {
    id: 'validated-vs-prism',
    target: 'validated reference server ≥ 2× the Prism mock (req/s)',
    values: (all) => perVendor(all, (result) => result.ratios.vsPrism.median),
    meets: (value) => value >= 2,
    worst: 'min',
    format: ratio,
  },
  {
    id: 'p99',
    target: 'reference server p99 ≤ 5 ms at 10 connections on loopback',
    values: (all) => perVendor(all, (result) => result.variants.reference.p99Ms.median),
    meets: (value) => value <= 5,
    worst: 'max',
    format: (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`,
  },
  {
    id: 'rss',
    target: 'RSS under load ≤ 150 MiB per vendor server (peak over the rounds)',
    values: (all) => perVendor(all, (result) => result.variants.reference.rssMiB?.max ?? Number.NaN),
    meets: (value) => value <= 150,
    worst: 'max',
    format: (value) => `${Math.round(value)} MiB`,
  },
  {
    id: 'soak-throughput',
    target: 'the soak mix (52 connections over the four vendors, 30 % writes) ≥ 250 req/s with only documented answers',
    values: (all) => {
      const soak = all.soak?.results;
      if (!soak) return undefined;
      // A round with an undocumented answer or a lost write has no throughput worth the name.
      return [['', soak.failedRounds > 0 ? 0 : soak.requestsPerSecond.median]];
    },
    meets: (value) => value >= 250,
    worst: 'min',
    format: (value) => `${Math.round(value)} req/s`,
  },
  {
    id: 'client-overhead',
    target: 'client per-call overhead < 5 % of a raw `fetch` call',
    values: (all) => one(all.client?.results.overheadRatio),
    meets: (value) => value < 0.05,
    worst: 'max',
    format: (value) => `${(value * 100).toFixed(1)} %`,
  },
  {
    id: 'codegen',
    target: 'codegen for all four specs < 2 s in total',
    values: (all) => one(all.toolchain?.results.codegenMs),
    meets: (value) => value < 2000,
    worst: 'max',
    format: ms,
  },
  {
    id: 'reference-ready',
    target: 'reference servers answering < 0.5 s after start',
    values: (all) => one(all.toolchain?.results.referenceReadyMs),
    meets: (value) => value < 500,
    worst: 'max',
    format: ms,
  },
  {
    id: 'mocks-ready',
    target: 'all four mocks ready < 1.5 s',
    values: (all) => one(all.toolchain?.results.mocksReadyMs),
    meets: (value) => value < 1500,
    worst: 'max',
    format: ms,
  },
  {
    id: 'start-vs-prism',
    target:
      '`envspec start`: all eight endpoints (4 mocks, 4 reference servers) answering ≤ 1.3× one bare `prism mock`',
    values: (all) => one(all.toolchain?.results.start?.ratio),
    meets: (value) => value <= 1.3,
    worst: 'max',
    format: ratio,
  },
  {
    id: 'start-rss',
    target: '`envspec start`: total RSS of every process it runs < 350 MiB, after start and after a 30 s load round',
    values: (all) => {
      const start = all.toolchain?.results.start;
      return start
        ? [
            ['after start', start.totalRssAfterStartMiB.median],
            [`after ${start.load.seconds} s of load`, start.load.totalRssAfterLoadMiB],
          ]
        : undefined;
    },
    meets: (value) => value < 350,
    worst: 'max',
    format: (value) => `${Math.round(value)} MiB`,
  },
];

/** Extra context after the headline value, e.g. the client overhead in µs. */
function detail(id: TargetId, all: AllResults): string {
  const client = all.client?.results;
  const toolchain = all.toolchain?.results;
  if (id === 'client-overhead' && client)
    return ` (${client.overheadUs.median.toFixed(0)} µs on ${client.rawFetchUs.median.toFixed(0)} µs)`;
  if (id === 'reference-ready' && toolchain)
    return ` (${ms(toolchain.referenceReadyFromProcessStartMs.median)} from process start, imports included)`;
  if (id === 'mocks-ready' && toolchain) return ` (one Prism alone: ${ms(toolchain.prismStartMs.median)})`;
  const start = toolchain?.start;
  if (id === 'start-vs-prism' && start)
    return ` (${ms(start.allEightMs.median)} from spawning the installed bin vs ${ms(start.barePrismMs.median)}, median of ${start.ratio.rounds.length} rounds side by side; \`pnpm start\` in the same rounds: ${ratio(start.viaPnpm.ratio.median)}, ${ms(start.viaPnpm.allEightMs.median)})`;
  const soak = all.soak?.results;
  if (id === 'soak-throughput' && soak)
    return soak.failedRounds > 0
      ? ` (${soak.failedRounds} of ${soak.rounds} rounds had an undocumented answer, a lost write or growing memory)`
      : ` (p50 ${soak.p50Ms.median.toFixed(1)} ms, p99 ${soak.p99Ms.median.toFixed(1)} ms, peak RSS ${Math.round(soak.peakRssMiB.max)} MiB)`;
  return '';
}

/** Evaluates every target against whatever results exist; a target without results is "not measured". */
export function evaluateTargets(all: AllResults): TargetRow[] {
  return checks.map((check) => {
    const values = check.values(all)?.filter(([, value]) => Number.isFinite(value));
    if (!values || values.length === 0)
      return { id: check.id, target: check.target, measured: 'not measured', pass: null, note: '' };
    const sorted = [...values].sort(([, a], [, b]) => (check.worst === 'min' ? a - b : b - a));
    const [worstName, worstValue] = sorted[0]!;
    const pass = values.every(([, value]) => check.meets(value));
    const measured =
      values.length === 1 && worstName === ''
        ? `${check.format(worstValue)}${detail(check.id, all)}`
        : sorted.length === 1
          ? `${check.format(worstValue)} (${worstName})`
          : `${check.format(worstValue)} (worst: ${worstName}; ${sorted
              .slice(1)
              .map(([name, value]) => `${name} ${check.format(value)}`)
              .join(', ')})`;
    return {
      id: check.id,
      target: check.target,
      measured,
      pass,
      note: pass ? (notes[check.id]?.pass ?? '') : (notes[check.id]?.miss ?? 'not yet investigated'),
    };
  });
}

/** Measurements without a target, shown under the targets. */
export function informationalRows(all: AllResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const server = all.server?.results.vendors;
  if (server && Object.keys(server).length > 0) {
    const bare = Object.entries(server).map(([vendor, result]) => `${vendor} ${ratio(result.ratios.vsBare.median)}`);
    rows.push({
      id: 'info',
      target: 'validated reference server vs bare `node:http` doing the same store update',
      measured: bare.join(', '),
      pass: null,
      note: notes.bare?.pass ?? '',
    });
  }
  const mocks = all.toolchain?.results.mocksVsPrism;
  if (mocks) {
    rows.push({
      id: 'info',
      target: 'four mocks answering (fresh process, imports included) vs one bare `prism mock`, side by side',
      measured: `${ratio(mocks.ratio.median)} (${ms(mocks.mocksFromProcessStartMs.median)} vs ${ms(mocks.barePrismMs.median)})`,
      pass: null,
      note: notes['mocks-vs-prism']?.pass ?? '',
    });
    const mib = (value: number) => `${Math.round(value)} MiB`;
    rows.push({
      id: 'info',
      target: "the four mocks' RSS: fronts' process + the one Prism engine, after start and under load",
      measured: `${mib(mocks.frontRssMiB.median + mocks.engineRssMiB.median)} after start (fronts ${mib(mocks.frontRssMiB.median)}, engine ${mib(mocks.engineRssMiB.median)}); ${mib(mocks.underLoad.totalRssMiB.median)} peak under ${mocks.underLoad.seconds} s of load (${Math.round(mocks.underLoad.requestsPerSecond.median)} req/s); one bare \`prism mock\`: ${mib(mocks.barePrismRssMiB.median)}`,
      pass: null,
      note: notes['mock-rss']?.pass ?? '',
    });
  }
  const start = all.toolchain?.results.start;
  if (start) {
    const mib = (value: number) => `${Math.round(value)} MiB`;
    const shares = start.load.processes
      .filter((entry) => entry.role !== 'pnpm')
      .map((entry) => `${entry.role} ${mib(entry.afterStartMiB)} → ${mib(entry.afterLoadMiB)}`);
    rows.push({
      id: 'info',
      target: "`envspec start`'s processes, RSS after start → after the load round",
      measured: `${shares.join('; ')}; peak ${mib(start.load.peakTotalRssMiB)} under ${Math.round(start.load.requestsPerSecond)} req/s${start.load.non2xx ? ` (${start.load.non2xx} non-2xx/errors)` : ''}; behind \`pnpm start\`, pnpm's own process adds ${mib(start.viaPnpm.pnpmRssMiB.median)}`,
      pass: null,
      note: notes['start-processes']?.pass ?? '',
    });
  }
  const test = all.toolchain?.results.test;
  if (test) {
    const run = (label: string, value: typeof test.cold) =>
      `${label} ${ms(value.ms)}${value.cached === null ? '' : ` (${value.cached}/${value.total} tasks cached)`}${value.exitCode === 0 ? '' : `, exit ${value.exitCode}${value.failed?.length ? ` (failed: ${value.failed.join(', ')})` : ''}`}`;
    rows.push({
      id: 'info',
      target: '`pnpm test`, cold vs warm turbo cache',
      measured: `${run('cold', test.cold)}; ${run('warm', test.warm)}`,
      pass: null,
      note: notes.test?.pass ?? '',
    });
  }
  return rows;
}
