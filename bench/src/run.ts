/**
 * `pnpm bench`: measures the server, the client and the toolchain on loopback, writes
 * `bench/results/<section>.json`, and regenerates the Benchmarks table in the root README.
 *
 *   pnpm bench                              everything (about 7 minutes on 2 cores)
 *   pnpm bench --only server --vendors fabro
 *   pnpm bench --only server --profile      + V8 CPU profiles of the Express servers in bench/results/
 *   pnpm bench --only soak                  the soak's mixed load over all four vendors (what its test no longer times)
 *   pnpm bench --quick                      short rounds to check the harness; writes nothing
 *   pnpm bench --no-test-cache              skip the cold/warm `pnpm test` timing (the slowest part)
 *   pnpm bench --render-only                regenerate the README table from bench/results/ without measuring
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import { benchClient } from './client/bench-client.ts';
import {
  describeMachine,
  readResults,
  sections,
  writeResults,
  type AllResults,
  type Section,
  type SectionResults,
} from './results.ts';
import { renderSection, replaceSection } from './render.ts';
import { benchServers } from './server/bench-server.ts';
import { benchSoak } from './soak/bench-soak.ts';
import { benchToolchain } from './toolchain/bench-toolchain.ts';

const usage =
  'usage: pnpm bench [--only server,soak,client,toolchain] [--vendors qoder,fabro,…] [--quick] [--profile] [--no-test-cache] [--no-readme] [--render-only]';

const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const readmePath = `${root}README.md`;

function list<T extends string>(
  value: string | undefined,
  all: readonly T[],
  check: (item: string) => item is T,
  what: string,
): T[] {
  if (value === undefined) return [...all];
  return value.split(',').map((item) => {
    if (!check(item)) throw new Error(`unknown ${what} '${item}': choose from ${all.join(', ')}`);
    return item;
  });
}

interface RunOptions {
  sections: Section[];
  vendors: Vendor[];
  quick: boolean;
  profile: boolean;
  testCache: boolean;
  readme: boolean;
}

let options: RunOptions;
try {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      vendors: { type: 'string' },
      quick: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'no-test-cache': { type: 'boolean', default: false },
      'no-readme': { type: 'boolean', default: false },
      'render-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values['render-only']) {
    writeFileSync(readmePath, replaceSection(readFileSync(readmePath, 'utf8'), renderSection(readResults(resultsDir))));
    console.log('README.md Benchmarks table regenerated from bench/results/');
    process.exit(0);
  }
  options = {
    sections: list(
      values.only,
      sections,
      (item): item is Section => (sections as readonly string[]).includes(item),
      'section',
    ),
    vendors: list<Vendor>(values.vendors, allVendors, isVendor, 'vendor'),
    quick: values.quick,
    profile: values.profile,
    testCache: !values['no-test-cache'] && !values.quick,
    readme: !values['no-readme'] && !values.quick,
  };
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const log = (line: string) => console.log(line);
const runStarted = new Date();
const began = performance.now();

const fresh: AllResults = {};
async function measure<S extends Section>(section: S, run: () => Promise<SectionResults[S]>): Promise<void> {
  if (!options.sections.includes(section)) return;
  log(`\n== ${section}`);
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const results = await run();
  const file = { section, machine: describeMachine(root, runStarted, started, loadAtStart), results };
  (fresh as Record<string, unknown>)[section] = file;
  if (!options.quick) writeResults(resultsDir, file);
}

await measure('server', () =>
  benchServers({
    vendors: options.vendors,
    connections: 10,
    warmupSeconds: options.quick ? 1 : 2,
    roundSeconds: options.quick ? 1 : 3,
    rounds: options.quick ? 1 : 3,
    logLevel: 'info',
    ...(options.profile ? { cpuProfDir: resultsDir } : {}),
    log,
  }),
);
await measure('soak', () =>
  benchSoak({
    rounds: options.quick ? 1 : 3,
    roundSeconds: options.quick ? 1 : 5,
    concurrency: 52,
    root,
    log,
  }),
);
await measure('client', () =>
  benchClient({
    calls: options.quick ? 200 : 2000,
    rounds: options.quick ? 2 : 5,
    warmupCalls: options.quick ? 200 : 1000,
    log,
  }),
);
await measure('toolchain', () =>
  benchToolchain({
    rounds: options.quick ? 1 : 3,
    loadSeconds: options.quick ? 2 : 30,
    testCache: options.testCache,
    root,
    log,
  }),
);

// The table shows the latest results of every section: this run's, and earlier runs' for sections not run now.
const all: AllResults = options.quick ? fresh : { ...readResults(resultsDir), ...fresh };
const section = renderSection(all);
if (options.readme) {
  writeFileSync(readmePath, replaceSection(readFileSync(readmePath, 'utf8'), section));
  log(`\nREADME.md Benchmarks table regenerated; results in bench/results/`);
}
log(`\n${section}\n\npnpm bench took ${((performance.now() - began) / 1000).toFixed(0)} s`);
