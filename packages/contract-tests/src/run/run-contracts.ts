/**
 * Runs the contract suites in this process with vitest, from wherever this package is: its
 * sources in the repo, its built `dist/` when installed. The targets are started by the global
 * setup (`global-setup.ts`), configured through the same CONTRACT_* variables `pnpm test` uses.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Vendor } from '@envspec/specs';
import { isolationOf, type TargetKind } from '../targets/target.ts';
import { expectAnswering } from '../targets/url-target.ts';

export interface ContractRunOptions {
  targets: readonly TargetKind[];
  vendors: readonly Vendor[];
  /** Base URLs of the `url` target (default: a local `envspec serve`, ports 3010–3013). */
  urls?: Partial<Record<Vendor, string>>;
  /** fast-check seed and runs of the generated invalid bodies. */
  seed?: number;
  runs?: number;
  /** A folder for the coverage table as JSON (`contract-coverage.json`); default: none. */
  reportDir?: string;
  /** Only tests whose name matches. */
  testNamePattern?: string;
}

/** Runs the suites; resolves with the exit status (0 when every test passed). */
export async function runContracts(options: ContractRunOptions): Promise<number> {
  const env: Record<string, string> = {
    CONTRACT_TARGET: options.targets.join(','),
    CONTRACT_VENDORS: options.vendors.join(','),
    // No report file unless asked for (installed, the package's own folder is node_modules).
    CONTRACT_REPORT_DIR: options.reportDir ? resolve(options.reportDir) : (process.env.CONTRACT_REPORT_DIR ?? 'none'),
  };
  for (const [vendor, url] of Object.entries(options.urls ?? {})) env[`CONTRACT_${vendor.toUpperCase()}_URL`] = url;
  if (options.seed !== undefined) env.CONTRACT_SEED = String(options.seed);
  if (options.runs !== undefined) env.CONTRACT_RUNS = String(options.runs);
  // The global setup and the workers read the run's settings from the environment.
  Object.assign(process.env, env);
  // A url target is someone else's deployment: say so in one line, before vitest starts, when it is not there.
  if (options.targets.includes('url')) await Promise.all(options.vendors.map(expectAnswering));

  const here = import.meta.dirname;
  const root = resolve(here, '..', '..');
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const suites = relative(root, resolve(here, '..', 'suites'));
  // Loaded only for a run: the library entry point stays free of vitest's node API.
  const { startVitest } = await import('vitest/node');
  const previousExitCode = process.exitCode;
  process.exitCode = 0;
  const vitest = await startVitest('test', [], {
    config: false,
    root,
    include: options.vendors.map((vendor) => `${suites}/${vendor}.*.${extension}`),
    // Installed, the suites live under node_modules, which vitest leaves out by default.
    exclude: [],
    globalSetup: [resolve(here, `global-setup.${extension}`)],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // As vitest.config.ts: every stateful target serves one suite, so files run side by side, except
    // on a url target (one deployment every suite writes to), where they take turns.
    fileParallelism: !options.targets.some((kind) => isolationOf(kind) === 'shared'),
    maxWorkers: 6,
    watch: false,
    // Run the suites through vitest's own module runner even from node_modules, so they share its `describe`.
    server: { deps: { inline: [dirname(here)] } },
    ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
  });
  await vitest.close();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = previousExitCode;
  return code;
}
