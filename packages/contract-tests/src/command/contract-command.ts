/**
 * `envspec contract --target …`: the contract suites against the mocks, the stateful mock, the
 * reference server, Prism's validating proxy in front of it, or any deployment (`url`). Exits 0
 * when every test passed, 1 when one failed, 2 on a usage error.
 */
import { Command, Option } from 'commander';
import {
  argument,
  configureCommand,
  parseVendorUrl,
  parseWholeNumber,
  repeatable,
  selectedVendors,
  UsageError,
  vendorsOption,
} from '@envspec/cli-kit';
import type { Vendor } from '@envspec/specs';
import { defaultServerPorts } from '@envspec/vendors';
import { runContracts, type ContractRunOptions } from '../run/run-contracts.ts';
import { targetKinds, type TargetKind } from '../targets/target.ts';

function parseTarget(text: string): TargetKind {
  if (!(targetKinds as readonly string[]).includes(text))
    throw new Error(`unknown target '${text}'; expected ${targetKinds.join(', ')}`);
  return text as TargetKind;
}

const defaultTargets: readonly TargetKind[] = ['mock', 'server'];

const credentialsHelp = `
Targets:
  mock      the Prism mocks (static), started on free ports: every documented status via Prefer
  stateful  the mock in stateful mode, on free ports: every status provoked for real, stateful cases
  server    the reference server, started on free ports: the same, plus the coverage check
  proxy     a reference server behind \`prism proxy --errors\`: Prism finds nothing off-contract
  url       a running deployment: --url vendor=URL (default a local envspec serve, ${Object.values(defaultServerPorts).join(', ')})

Credentials for a url target: CONTRACT_<VENDOR>_WRITE, _READ, _THROTTLED (default the demo
credentials; Datadog's is <DD-API-KEY>:<DD-APPLICATION-KEY>), e.g. CONTRACT_QODER_WRITE=qoder_pat_….`;

export interface ContractCommandOptions {
  /** What runs once the flags are parsed; resolves with the exit status. Tests replace it. */
  run?: (options: ContractRunOptions) => Promise<number>;
  exit?: (code: number) => void;
}

export function createContractCommand({
  run = runContracts,
  exit = (code) => (process.exitCode = code),
}: ContractCommandOptions = {}): Command {
  return configureCommand(
    new Command('contract').description(
      'Run the contract suites (every documented status, stateful behaviour, generated invalid bodies) against a target.',
    ),
  )
    .addOption(
      // No commander default: it would hand the default to the first --target as the values so far.
      new Option(
        '--target <target>',
        `what to test: ${targetKinds.join(', ')} (repeatable or comma-separated; default mock,server)`,
      ).argParser(repeatable(parseTarget)),
    )
    .addOption(vendorsOption('test'))
    .addOption(
      new Option('--url <vendor=URL>', 'base URL of a vendor for the url target (repeatable)').argParser(
        repeatable(parseVendorUrl),
      ),
    )
    .addOption(
      new Option('--seed <n>', 'fast-check seed of the generated invalid bodies (default 20261123)').argParser(
        argument((text) => parseWholeNumber(text)),
      ),
    )
    .addOption(
      new Option('--runs <n>', 'generated invalid bodies per vendor and target (default 40)').argParser(
        argument((text) => parseWholeNumber(text, { min: 1 })),
      ),
    )
    .addOption(
      new Option('--report-dir <dir>', 'also write the coverage table (operation × status × target) there as JSON'),
    )
    .addOption(new Option('--grep <pattern>', 'only tests whose name matches this regular expression'))
    .addHelpText('after', credentialsHelp)
    .action(async (values: Record<string, unknown>) => {
      const targets = [...new Set((values.target as TargetKind[] | undefined) ?? defaultTargets)];
      const urls = Object.fromEntries((values.url as Array<[Vendor, string]> | undefined) ?? []);
      if (Object.keys(urls).length > 0 && !targets.includes('url'))
        throw new UsageError('--url sets the url target: add --target url');
      exit(
        await run({
          targets,
          vendors: selectedVendors(values.vendor as Vendor[] | undefined),
          urls,
          ...(typeof values.seed === 'number' ? { seed: values.seed } : {}),
          ...(typeof values.runs === 'number' ? { runs: values.runs } : {}),
          ...(typeof values.reportDir === 'string' ? { reportDir: values.reportDir } : {}),
          ...(typeof values.grep === 'string' ? { testNamePattern: values.grep } : {}),
        }),
      );
    });
}
