import type { Vendor } from '@envspec/specs';
import type { CallOptions, ContractClient, Reply } from '../contract-client.ts';

/** A documented status of an operation and how to provoke it for real on a stateful target. */
export interface StatusCase {
  operationId: string;
  status: number;
  /** What condition produces the status, for the test name. */
  condition: string;
  /** Whether the request itself obeys the spec (only those may pass through `prism proxy --errors`). */
  validRequest: boolean;
  provoke(api: ContractClient): Promise<Reply>;
}

/** A behaviour only a target with state can show (update, then read back). */
export interface StatefulCase {
  name: string;
  run(api: ContractClient): Promise<void>;
}

/** Everything the suites need to know about one vendor beyond its spec. */
export interface VendorContract {
  vendor: Vendor;
  /** Reads the fixture's current state, to prove a failure changed nothing. */
  snapshot(api: ContractClient): Promise<unknown>;
  /** A valid call of each operation, used with `Prefer: code=…` on the mock. */
  validCall(operationId: string): CallOptions;
  /** The write operations (Qoder's PUT and POST), for generated negative cases: everything but the body is valid. */
  writes: Array<{ operationId: string; call(body: unknown): CallOptions }>;
  statusCases: StatusCase[];
  statefulCases: StatefulCase[];
}

/** Calls until the throttled credential is refused, which takes its limit plus one call at most. */
export async function untilRateLimited(call: () => Promise<Reply>, attempts = 10): Promise<Reply> {
  let reply = await call();
  for (let attempt = 1; attempt < attempts && reply.status !== 429; attempt += 1) reply = await call();
  return reply;
}
