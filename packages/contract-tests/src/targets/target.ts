import type { Vendor } from '@envspec/specs';

export const targetKinds = ['mock', 'stateful', 'server', 'proxy', 'url', 'msw', 'msw-examples'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * What a kind of target can show: state to read back, how a status is produced, whether it answers
 * in the test's own process (MSW handlers, which the suites switch on around their tests), and
 * whether it is `external`: a deployment someone else runs, one state every suite shares.
 */
export const targetTraits: Record<
  TargetKind,
  { stateful: boolean; statusByPrefer: boolean; validRequestsOnly: boolean; inProcess: boolean; external: boolean }
> = {
  // Prism: no state; any documented status on request with `Prefer: code=…`.
  mock: { stateful: false, statusByPrefer: true, validRequestsOnly: false, inProcess: false, external: false },
  // The mock in stateful mode: the vendor core in process, every status provoked for real like the server's.
  stateful: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false, external: false },
  // The reference server: every status provoked by the real condition.
  server: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false, external: false },
  // `prism proxy --errors` in front of the reference server: Prism itself rejects any request or
  // response that breaks the contract, so only requests the spec allows are sent through it.
  proxy: { stateful: true, statusByPrefer: false, validRequestsOnly: true, inProcess: false, external: false },
  // Any deployment, from environment variables (defaults: a local `pnpm start`).
  url: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false, external: true },
  // @envspec/msw's stateful handlers under msw/node in the test's process, at the vendor's real
  // host: the in-browser mock, every status provoked for real like the server's.
  msw: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: true, external: false },
  // @envspec/msw's examples handlers: every documented status on request with `Prefer: code=…`.
  'msw-examples': { stateful: false, statusByPrefer: true, validRequestsOnly: false, inProcess: true, external: false },
};

/**
 * The suites, one file per vendor each (`test/<vendor>.<suite>.test.ts`), and the kinds of target
 * each runs against. A suite that writes, or reads state another suite's writes would move (the
 * parity suite's stale revision, a rate limit's window), gets stateful targets of its own, so files
 * run side by side with any number of workers and none sees another's writes between reading state
 * and checking that a failure changed nothing. Within a file, tests run in order.
 */
export const suiteKinds = {
  contract: targetKinds,
  // Every target but the proxy, which only takes requests the spec allows.
  'official-client': targetKinds.filter((kind) => !targetTraits[kind].validRequestsOnly),
  // The reference server, and the targets held to its answers.
  parity: ['server', 'stateful', 'msw'],
} as const satisfies Record<string, readonly TargetKind[]>;
export type Suite = keyof typeof suiteKinds;
export const suites = Object.keys(suiteKinds) as Suite[];

/**
 * How a kind of target is isolated: `per-suite`, a process (or in-process server) the run starts
 * for each suite that uses it; `per-file`, handlers each test file serves in its own process;
 * `none-needed`, no state to share; `shared`, one deployment every suite writes to, so files take turns.
 */
export function isolationOf(kind: TargetKind): 'per-suite' | 'per-file' | 'none-needed' | 'shared' {
  const traits = targetTraits[kind];
  if (!traits.stateful) return 'none-needed';
  if (traits.external) return 'shared';
  return traits.inProcess ? 'per-file' : 'per-suite';
}

/** A running implementation of one vendor's spec that one suite talks to over HTTP. */
export interface TargetEndpoint {
  kind: TargetKind;
  vendor: Vendor;
  /** The suite this endpoint is for; a stateful target serves only that suite. */
  suite: Suite;
  baseUrl: string;
}

/** The endpoints one suite file talks to: its vendor's, and for stateful kinds the instances started for that suite. */
export function endpointsFor(endpoints: readonly TargetEndpoint[], vendor: Vendor, suite: Suite): TargetEndpoint[] {
  return endpoints.filter((endpoint) => endpoint.vendor === vendor && endpoint.suite === suite);
}

export function parseTargetKinds(value: string | undefined): TargetKind[] {
  const kinds = (value ?? 'mock,server')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!(targetKinds as readonly string[]).includes(kind)) {
      throw new Error(`unknown contract target '${kind}'; expected ${targetKinds.join(', ')}`);
    }
  }
  return kinds as TargetKind[];
}
