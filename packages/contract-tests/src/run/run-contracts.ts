/**
 * Runs the contract suites in this process with vitest, from wherever this package is: its
 * sources in the repo, its built `dist/` when installed. The targets are started by the global
 * setup (`global-setup.ts`), configured through the same CONTRACT_* variables `pnpm test` uses.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Vendor } from '@envspec/specs';
import type { TargetKind } from '../targets/target.ts';

export interface ContractRunOptions {
  targets: readonly TargetKind[];
  vendors: readonly Vendor[];
  /** Base URLs of the `url` target (default: a local `envspec serve`, ports 3010–3013). */
  urls?: Partial<Record<Vendor, string>>;
  /** fast-check seed and runs of the generated invalid bodies. */
  seed?: number;
  runs?: number;
  /** A file for the coverage table as JSON; default: none. */
  report?: string;
  /** Only tests whose name matches. */
  testNamePattern?: string;
}

/** Runs the suites; resolves with the exit status (0 when every test passed). */
export async function runContracts(options: ContractRunOptions): Promise<number> {
  const env: Record<string, string> = {
    CONTRACT_TARGET: options.targets.join(','),
    CONTRACT_VENDORS: options.vendors.join(','),
    CONTRACT_REPORT: options.report ? resolve(options.report) : 'none',
  };
  for (const [vendor, url] of Object.entries(options.urls ?? {})) env[`CONTRACT_${vendor.toUpperCase()}_URL`] = url;
  if (options.seed !== undefined) env.CONTRACT_SEED = String(options.seed);
  if (options.runs !== undefined) env.CONTRACT_RUNS = String(options.runs);
  // The global setup and the workers read the run's settings from the environment.
  Object.assign(process.env, env);

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
    fileParallelism: true,
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
