import type { Vendor } from '@envspec/specs';

export const targetKinds = ['mock', 'stateful', 'server', 'proxy', 'url', 'msw', 'msw-examples'] as const;
export type TargetKind = (typeof targetKinds)[number];

/** A running implementation of one vendor's spec that the suites talk to over HTTP. */
export interface TargetEndpoint {
  kind: TargetKind;
  vendor: Vendor;
  baseUrl: string;
}

/**
 * What a kind of target can show: state to read back, how a status is produced, and whether it
 * answers in the test's own process (MSW handlers, which the suites switch on around their tests).
 */
export const targetTraits: Record<
  TargetKind,
  { stateful: boolean; statusByPrefer: boolean; validRequestsOnly: boolean; inProcess: boolean }
> = {
  // Prism: no state; any documented status on request with `Prefer: code=…`.
  mock: { stateful: false, statusByPrefer: true, validRequestsOnly: false, inProcess: false },
  // The mock in stateful mode: the vendor core in process, every status provoked for real like the server's.
  stateful: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false },
  // The reference server: every status provoked by the real condition.
  server: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false },
  // `prism proxy --errors` in front of the reference server: Prism itself rejects any request or
  // response that breaks the contract, so only requests the spec allows are sent through it.
  proxy: { stateful: true, statusByPrefer: false, validRequestsOnly: true, inProcess: false },
  // Any deployment, from environment variables (defaults: a local `pnpm start`).
  url: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: false },
  // @envspec/msw's stateful handlers under msw/node in the test's process, at the vendor's real
  // host: the in-browser mock, every status provoked for real like the server's.
  msw: { stateful: true, statusByPrefer: false, validRequestsOnly: false, inProcess: true },
  // @envspec/msw's examples handlers: every documented status on request with `Prefer: code=…`.
  'msw-examples': { stateful: false, statusByPrefer: true, validRequestsOnly: false, inProcess: true },
};

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
