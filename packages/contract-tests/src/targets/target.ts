import type { Vendor } from '@envspec/specs';

export const targetKinds = ['mock', 'stateful', 'server', 'proxy', 'url'] as const;
export type TargetKind = (typeof targetKinds)[number];

/** A running implementation of one vendor's spec that the suites talk to over HTTP. */
export interface TargetEndpoint {
  kind: TargetKind;
  vendor: Vendor;
  baseUrl: string;
}

/** What a kind of target can show: state to read back, and how a status is produced. */
export const targetTraits: Record<
  TargetKind,
  { stateful: boolean; statusByPrefer: boolean; validRequestsOnly: boolean }
> = {
  // Prism: no state; any documented status on request with `Prefer: code=…`.
  mock: { stateful: false, statusByPrefer: true, validRequestsOnly: false },
  // The mock in stateful mode: the vendor core in process, every status provoked for real like the server's.
  stateful: { stateful: true, statusByPrefer: false, validRequestsOnly: false },
  // The reference server: every status provoked by the real condition.
  server: { stateful: true, statusByPrefer: false, validRequestsOnly: false },
  // `prism proxy --errors` in front of the reference server: Prism itself rejects any request or
  // response that breaks the contract, so only requests the spec allows are sent through it.
  proxy: { stateful: true, statusByPrefer: false, validRequestsOnly: true },
  // Any deployment, from environment variables (defaults: a local `pnpm start`).
  url: { stateful: true, statusByPrefer: false, validRequestsOnly: false },
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
