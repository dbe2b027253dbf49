import type { Vendor } from '@envspec/specs';

export const targetKinds = ['mock', 'stateful', 'server', 'proxy', 'url'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * The suites, one file per vendor each (`test/<vendor>.<suite>.test.ts`), and the kinds of target
 * each runs against. A suite that writes, or reads state another suite's writes would move (the
 * parity suite's stale revision, a rate limit's window), gets stateful targets of its own, so files
 * run side by side with any number of workers and none sees another's writes between reading state
 * and checking that a failure changed nothing. Within a file, tests run in order.
 */
export const suiteKinds = {
  contract: ['mock', 'stateful', 'server', 'proxy', 'url'],
  'official-client': ['mock', 'stateful', 'server', 'url'],
  parity: ['stateful', 'server'],
} as const satisfies Record<string, readonly TargetKind[]>;
export type Suite = keyof typeof suiteKinds;
export const suites = Object.keys(suiteKinds) as Suite[];

/** A running implementation of one vendor's spec that one suite talks to over HTTP. */
export interface TargetEndpoint {
  kind: TargetKind;
  vendor: Vendor;
  /** The suite this endpoint is for; a stateful target serves only that suite. */
  suite: Suite;
  baseUrl: string;
}

/**
 * What a kind of target can show: state to read back, and how a status is produced; `started`: the
 * run starts it (a `url` target is a deployment someone else runs, one state shared by every suite).
 */
export const targetTraits: Record<
  TargetKind,
  { stateful: boolean; statusByPrefer: boolean; validRequestsOnly: boolean; started: boolean }
> = {
  // Prism: no state; any documented status on request with `Prefer: code=…`.
  mock: { stateful: false, statusByPrefer: true, validRequestsOnly: false, started: true },
  // The mock in stateful mode: the vendor core in process, every status provoked for real like the server's.
  stateful: { stateful: true, statusByPrefer: false, validRequestsOnly: false, started: true },
  // The reference server: every status provoked by the real condition.
  server: { stateful: true, statusByPrefer: false, validRequestsOnly: false, started: true },
  // `prism proxy --errors` in front of the reference server: Prism itself rejects any request or
  // response that breaks the contract, so only requests the spec allows are sent through it.
  proxy: { stateful: true, statusByPrefer: false, validRequestsOnly: true, started: true },
  // Any deployment, from environment variables (defaults: a local `pnpm start`).
  url: { stateful: true, statusByPrefer: false, validRequestsOnly: false, started: false },
};

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
