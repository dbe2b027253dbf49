import { describe, expect, it } from 'vitest';
import { endMarker, renderSection, replaceSection, startMarker } from '../src/render.ts';
import type { AllResults, Machine } from '../src/results.ts';
import type { VariantResult, VendorServerResult } from '../src/server/bench-server.ts';
import { summarize } from '../src/stats.ts';
import { evaluateTargets, informationalRows } from '../src/targets.ts';

const machine: Machine = {
  runStarted: '2026-01-02T03:04:05.000Z',
  date: '2026-01-02T03:10:00.000Z',
  node: 'v20.20.2',
  cpuModel: 'Test CPU',
  cores: 2,
  platform: 'linux x64',
  memoryGiB: 8,
  loadAverage: { start: 0.5, end: 1.5 },
  durationMs: 125_000,
  commit: 'abc1234',
};

function variant(rps: number, p99: number, rss: number): VariantResult {
  return {
    requestsPerSecond: summarize([rps]),
    p50Ms: summarize([1]),
    p99Ms: summarize([p99]),
    rssMiB: summarize([rss]),
    non2xx: 0,
    errors: 0,
  };
}

function vendor(reference: number, unvalidated: number, prism: number, p99 = 4, rss = 120): VendorServerResult {
  return {
    variants: {
      reference: variant(reference, p99, rss),
      unvalidated: variant(unvalidated, 3, 110),
      bare: variant(reference * 4, 1, 60),
      prism: variant(prism, 9, 140),
    },
    ratios: {
      vsUnvalidated: summarize([reference / unvalidated]),
      vsBare: summarize([0.25]),
      vsPrism: summarize([reference / prism]),
    },
  };
}

const results: AllResults = {
  server: {
    section: 'server',
    machine,
    results: {
      connections: 10,
      warmupSeconds: 2,
      roundSeconds: 3,
      rounds: 3,
      logLevel: 'info',
      vendors: { qoder: vendor(900, 1000, 400), fabro: vendor(700, 1000, 400, 6, 160) },
    },
  },
  soak: {
    section: 'soak',
    machine,
    results: {
      rounds: 3,
      roundSeconds: 5,
      concurrency: 52,
      writeRatio: 0.3,
      requestsPerSecond: summarize([1100, 1200, 1300]),
      p50Ms: summarize([20]),
      p99Ms: summarize([60]),
      peakRssMiB: summarize([190, 200, 210]),
      failedRounds: 0,
    },
  },
  client: {
    section: 'client',
    machine,
    results: {
      calls: 10,
      rounds: 1,
      rawFetchUs: summarize([100]),
      clientUs: summarize([103]),
      overheadUs: summarize([3]),
      overheadRatio: summarize([0.03]),
    },
  },
};

describe('evaluateTargets', () => {
  const rows = evaluateTargets(results);
  const row = (id: string) => rows.find((candidate) => candidate.id === id)!;
  const cases: Array<[string, { id: string; pass: boolean | null; measured: RegExp }]> = [
    [
      'the worst vendor decides a server ratio',
      { id: 'validated-vs-unvalidated', pass: false, measured: /^0\.70× \(worst: fabro; qoder 0\.90×\)$/ },
    ],
    [
      'one vendor under 2× the Prism mock fails the target',
      { id: 'validated-vs-prism', pass: false, measured: /^1\.75× \(worst: fabro; qoder 2\.25×\)$/ },
    ],
    ['p99 over 5 ms misses', { id: 'p99', pass: false, measured: /^6\.0 ms \(worst: fabro/ }],
    ['peak RSS over 150 MiB misses', { id: 'rss', pass: false, measured: /^160 MiB/ }],
    [
      'client overhead under 5 % passes, with µs',
      { id: 'client-overhead', pass: true, measured: /^3\.0 % \(3 µs on 100 µs\)$/ },
    ],
    [
      'the soak throughput over its floor passes, with latencies and peak RSS',
      { id: 'soak-throughput', pass: true, measured: /^1200 req\/s \(p50 20\.0 ms, p99 60\.0 ms, peak RSS 210 MiB\)$/ },
    ],
    ['a section not measured is neither pass nor miss', { id: 'codegen', pass: null, measured: /^not measured$/ }],
  ];
  for (const [name, { id, pass, measured }] of cases) {
    it(name, () => {
      expect(row(id).pass).toBe(pass);
      expect(row(id).measured).toMatch(measured);
    });
  }
});

describe('evaluateTargets with one vendor measured', () => {
  it('names the vendor without a "worst"', () => {
    const one: AllResults = {
      server: {
        ...results.server!,
        results: { ...results.server!.results, vendors: { fabro: vendor(700, 1000, 400) } },
      },
    };
    expect(evaluateTargets(one).find((row) => row.id === 'validated-vs-unvalidated')?.measured).toBe('0.70× (fabro)');
  });
});

describe('the soak target', () => {
  const soakWith = (requestsPerSecond: number, failedRounds: number): AllResults => ({
    soak: {
      ...results.soak!,
      results: { ...results.soak!.results, requestsPerSecond: summarize([requestsPerSecond]), failedRounds },
    },
  });
  const soakRow = (all: AllResults) => evaluateTargets(all).find((row) => row.id === 'soak-throughput')!;
  it('misses under 250 req/s', () => {
    expect(soakRow(soakWith(240, 0))).toMatchObject({ pass: false, measured: expect.stringMatching(/^240 req\/s/) });
  });
  it('misses whatever the speed when a round failed, saying so', () => {
    expect(soakRow(soakWith(5000, 1))).toMatchObject({
      pass: false,
      measured: '0 req/s (1 of 3 rounds had an undocumented answer, a lost write or growing memory)',
    });
  });
});

describe('informationalRows', () => {
  it('lists the bare-server ratio per vendor', () => {
    expect(informationalRows(results)[0]?.measured).toBe('qoder 0.25×, fabro 0.25×');
  });
});

describe('renderSection', () => {
  const section = renderSection(results);
  it('names the machine and the date', () => {
    expect(section).toContain('- server: 2026-01-02 03:10 UTC on Test CPU (2 cores, 8 GiB), Node v20.20.2');
    expect(section).toContain('took 2 min 5 s');
  });
  it('has a targets table with a verdict per row', () => {
    expect(section).toContain('| target | measured | result | what was done |');
    expect(section).toMatch(
      /\| validated reference server ≥ 0\.8× the same Express app unvalidated \(req\/s\) \| 0\.70× .* \| \*\*miss\*\* \|/,
    );
  });
  it('describes the soak run', () => {
    expect(section).toContain('Soak: `pnpm --filter @envspec/server soak --json`');
    expect(section).toContain('52 kept-alive connections, 30 % writes, 3 rounds of 5 s');
    expect(section).toContain('1200 req/s ±8 %');
  });
  it('has one server row per vendor and variant', () => {
    expect(section.match(/^\| (qoder|fabro) \| /gm)).toHaveLength(8);
  });
});

describe('replaceSection', () => {
  const readme = `# envspec\n\n## Benchmarks\n\nIntro.\n\n${startMarker}\nold table\n${endMarker}\n\n## Next\n`;
  it('replaces only what is between the markers', () => {
    const updated = replaceSection(readme, 'new table');
    expect(updated).toBe(
      `# envspec\n\n## Benchmarks\n\nIntro.\n\n${startMarker}\nnew table\n${endMarker}\n\n## Next\n`,
    );
  });
  it('is stable when run twice', () => {
    expect(replaceSection(replaceSection(readme, 'x'), 'x')).toBe(replaceSection(readme, 'x'));
  });
  it('names the fix when the markers are missing', () => {
    expect(() => replaceSection('# no markers', 'x')).toThrow(/add both markers under "## Benchmarks"/);
  });
});
