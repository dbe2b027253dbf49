/**
 * Loopback load for the reference servers: `concurrency` workers, each on its own kept-alive
 * connection to one vendor, sending a mix of valid GETs and valid writes for a fixed time or a fixed
 * number of requests, counting every answer and remembering each worker's last acknowledged write.
 * Used by the soak test (a fixed number of requests, however long they take), `pnpm soak` (as long
 * as asked) and `pnpm bench` (the soak's throughput).
 */
import { Agent } from 'node:http';
import type { Vendor } from '@envspec/specs';
import { send, type RawReply } from '@envspec/testkit';
import { credentialHeaders } from '@envspec/vendors';

export interface LoadTarget {
  vendor: Vendor;
  url: string;
}

export interface LoadOptions {
  targets: readonly LoadTarget[];
  /** Stop sending after this long… */
  durationMs?: number;
  /** …or once this many requests were sent, whichever comes first (at least one of the two is required). */
  requests?: number;
  concurrency: number;
  /** Share of requests that write (0..1). */
  writeRatio?: number;
  /** Called every `sampleEveryMs` while the load runs. */
  onSample?: (elapsedMs: number) => void;
  sampleEveryMs?: number;
}

export interface VendorLoad {
  requests: number;
  statuses: Record<number, number>;
  /** Transport failures (resets, refused connections, timeouts). */
  failures: number;
  latenciesMs: number[];
  /** Each worker's last write answered with a 200, by its sequence number (a worker writes one at a time). */
  lastAcknowledged: Record<number, number>;
  /**
   * Reads that did not show the reading worker's own last acknowledged write (Qoder, Fabro: each
   * worker has a key of its own), described; there should be none.
   */
  staleReads: string[];
}

export interface LoadResult {
  durationMs: number;
  requests: number;
  vendors: Record<string, VendorLoad>;
}

/**
 * Where a vendor's document keeps what the load wrote. Qoder's metadata and Fabro's labels are maps,
 * so each worker writes a key of its own and every worker's last acknowledged write must show there,
 * in every read and at the end. Datadog and LaunchDarkly write one shared name, which at the end
 * must be some worker's last acknowledged write (a later acknowledged write would have replaced it).
 */
interface WriteTrace {
  perWorker: boolean;
  /** What the document shows at `worker`'s own key (perWorker), or in the one shared place. */
  shown(stored: unknown, worker: number): unknown;
  /** What write `sequence` of `worker` put there. */
  mark(worker: number, sequence: number): string;
}

/** What a valid request of each kind looks like for each vendor. */
interface Traffic {
  path: string;
  headers: Record<string, string>;
  write(
    worker: number,
    sequence: number,
    current: () => Promise<Reply>,
  ): Promise<{ method: string; headers: Record<string, string>; body: string }>;
  /** Statuses a valid request may get besides 200 (Fabro: 409 when another writer changed the revision first). */
  alsoExpected: readonly number[];
  trace: WriteTrace;
}

type Reply = Pick<RawReply, 'status' | 'headers' | 'text'>;

const json = { 'content-type': 'application/json' };

/** One map key per worker, so the document stays the same size however long the run. */
const workerKey = (worker: number) => `soak_w${worker}`;
/** The value at `keys` inside a parsed JSON document, or undefined. */
function field(value: unknown, ...keys: string[]): unknown {
  let found = value;
  for (const key of keys)
    found = typeof found === 'object' && found !== null ? (found as Record<string, unknown>)[key] : undefined;
  return found;
}

const perWorkerTrace = (map: string): WriteTrace => ({
  perWorker: true,
  shown: (stored, worker) => field(stored, map, workerKey(worker)),
  mark: (_worker, sequence) => String(sequence),
});
/** A name unique to each write, so the stored one tells whose write it is. */
const sharedNameTrace = (...name: string[]): WriteTrace => ({
  perWorker: false,
  shown: (stored) => field(stored, ...name),
  mark: (worker, sequence) => `soak-${worker}-${sequence}`,
});

function traffic(vendor: Vendor): Traffic {
  // The unthrottled write demo credential, as the vendor takes it.
  const headers = credentialHeaders(vendor);
  switch (vendor) {
    case 'qoder': {
      const trace = perWorkerTrace('metadata');
      return {
        path: '/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b',
        headers,
        write: async (worker, sequence) => ({
          method: 'PUT',
          headers: json,
          body: JSON.stringify({ metadata: { [workerKey(worker)]: trace.mark(worker, sequence) } }),
        }),
        alsoExpected: [],
        trace,
      };
    }
    case 'fabro': {
      const trace = perWorkerTrace('labels');
      return {
        path: '/api/v1/environments/ci-runner',
        headers,
        // Read, change this worker's label, replace with If-Match: a writer that read before another's
        // write landed gets 409, so no acknowledged label is ever overwritten by a stale copy.
        write: async (worker, sequence, current) => {
          const reply = await current();
          const { id: _id, revision: _revision, ...definition } = JSON.parse(reply.text) as Record<string, unknown>;
          const labels = {
            ...(definition.labels as Record<string, string>),
            [workerKey(worker)]: trace.mark(worker, sequence),
          };
          return {
            method: 'PUT',
            headers: { ...json, 'if-match': String(reply.headers.etag) },
            body: JSON.stringify({ ...definition, labels }),
          };
        },
        alsoExpected: [409],
        trace,
      };
    }
    case 'datadog': {
      const trace = sharedNameTrace('data', 'attributes', 'name');
      return {
        path: '/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655440001',
        headers,
        write: async (worker, sequence) => ({
          method: 'PUT',
          headers: json,
          body: JSON.stringify({
            data: { type: 'environments', attributes: { name: trace.mark(worker, sequence) } },
          }),
        }),
        alsoExpected: [],
        trace,
      };
    }
    case 'launchdarkly': {
      const trace = sharedNameTrace('name');
      return {
        path: '/api/v2/projects/default/environments/production',
        headers,
        write: async (worker, sequence) => ({
          method: 'PATCH',
          headers: json,
          body: JSON.stringify([{ op: 'replace', path: '/name', value: trace.mark(worker, sequence) }]),
        }),
        alsoExpected: [],
        trace,
      };
    }
  }
}

/** Acknowledged writes `stored` no longer shows, given each worker's last acknowledged one. */
function missingWrites(trace: WriteTrace, stored: unknown, last: Record<number, number>): string[] {
  const writers = Object.entries(last).map(([worker, sequence]) => [Number(worker), sequence] as const);
  const shows = ([worker, sequence]: readonly [number, number]) =>
    trace.shown(stored, worker) === trace.mark(worker, sequence);
  if (trace.perWorker) {
    return writers
      .filter((writer) => !shows(writer))
      .map(
        ([worker, sequence]) =>
          `worker ${worker}'s write ${sequence}: found ${JSON.stringify(trace.shown(stored, worker))}`,
      );
  }
  if (writers.length === 0 || writers.some(shows)) return [];
  return [
    `found ${JSON.stringify(trace.shown(stored, 0))}, none of the last acknowledged writes ${JSON.stringify(last)}`,
  ];
}

/** Statuses a run may see for `vendor`: 200 and the documented conflicts of its valid writes. */
export function expectedStatuses(vendor: Vendor): number[] {
  return [200, ...traffic(vendor).alsoExpected];
}

/** Runs the load and resolves with what every request got. */
export async function runLoad({
  targets,
  durationMs,
  requests: budget,
  concurrency,
  writeRatio = 0.3,
  onSample,
  sampleEveryMs = 250,
}: LoadOptions): Promise<LoadResult> {
  if (durationMs === undefined && budget === undefined) throw new Error('runLoad needs durationMs or requests');
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const vendors: Record<string, VendorLoad> = Object.fromEntries(
    targets.map(({ vendor }) => [
      vendor,
      {
        requests: 0,
        statuses: {},
        failures: 0,
        latenciesMs: [],
        lastAcknowledged: {},
        staleReads: [],
      } satisfies VendorLoad,
    ]),
  );
  const started = Date.now();
  const deadline = durationMs === undefined ? Number.POSITIVE_INFINITY : started + durationMs;
  let sent = 0;
  const more = () => Date.now() < deadline && (budget === undefined || sent < budget);
  const sampler = onSample ? setInterval(() => onSample(Date.now() - started), sampleEveryMs) : undefined;

  async function timed(
    target: LoadTarget,
    method: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply | undefined> {
    const stats = vendors[target.vendor]!;
    const sentAt = performance.now();
    sent += 1;
    try {
      const reply = await send(target.url, {
        method,
        path: traffic(target.vendor).path,
        headers,
        ...(body === undefined ? {} : { body }),
        agent,
        timeoutMs: 15_000,
      });
      stats.requests += 1;
      stats.statuses[reply.status] = (stats.statuses[reply.status] ?? 0) + 1;
      stats.latenciesMs.push(performance.now() - sentAt);
      return reply;
    } catch {
      stats.requests += 1;
      stats.failures += 1;
      return undefined;
    }
  }

  async function worker(index: number): Promise<void> {
    const target = targets[index % targets.length]!;
    const plan = traffic(target.vendor);
    const stats = vendors[target.vendor]!;
    /** A read must show this worker's own last acknowledged write, where it has a key of its own. */
    const read = async (): Promise<Reply | undefined> => {
      const reply = await timed(target, 'GET', plan.headers);
      const acknowledged = stats.lastAcknowledged[index];
      if (reply?.status === 200 && plan.trace.perWorker && acknowledged !== undefined) {
        const problem = missingWrites(plan.trace, JSON.parse(reply.text), { [index]: acknowledged });
        if (problem[0] && !stats.staleReads.includes(problem[0]) && stats.staleReads.length < 20)
          stats.staleReads.push(problem[0]);
      }
      return reply;
    };
    let sequence = 0;
    // Spread writes evenly: worker i writes on requests where the running share falls below the ratio.
    while (more()) {
      sequence += 1;
      const writes = Math.floor(sequence * writeRatio) > Math.floor((sequence - 1) * writeRatio);
      if (!writes) {
        await read();
        continue;
      }
      const current = async () => (await read()) ?? { status: 0, headers: {}, text: '{}' };
      const write = await plan.write(index, sequence, current);
      const reply = await timed(target, write.method, { ...plan.headers, ...write.headers }, write.body);
      if (reply?.status === 200) stats.lastAcknowledged[index] = sequence;
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  } finally {
    if (sampler) clearInterval(sampler);
    agent.destroy();
  }
  const requests = Object.values(vendors).reduce((sum, stats) => sum + stats.requests, 0);
  return { durationMs: Date.now() - started, requests, vendors };
}

/**
 * Acknowledged writes the servers lost, per vendor (empty when none is): every read during the load
 * that missed the reader's own last acknowledged write, and what a read of each document once the
 * load is over misses of the workers' last acknowledged writes.
 */
export async function lostWrites(
  targets: readonly LoadTarget[],
  result: LoadResult,
): Promise<Record<string, string[]>> {
  const agent = new Agent({ keepAlive: false });
  try {
    const entries = await Promise.all(
      targets.map(async ({ vendor, url }): Promise<[string, string[]]> => {
        const plan = traffic(vendor);
        const reply = await send(url, {
          method: 'GET',
          path: plan.path,
          headers: plan.headers,
          agent,
          timeoutMs: 15_000,
        });
        if (reply.status !== 200) return [vendor, [`GET ${plan.path} answered ${reply.status}`]];
        const stats = result.vendors[vendor];
        const stored: unknown = JSON.parse(reply.text);
        return [
          vendor,
          [...(stats?.staleReads ?? []), ...missingWrites(plan.trace, stored, stats?.lastAcknowledged ?? {})],
        ];
      }),
    );
    return Object.fromEntries(entries);
  } finally {
    agent.destroy();
  }
}

/** The `p`-th percentile (0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Answers outside the expected statuses, and transport failures, per vendor. */
export function unexpectedAnswers(
  result: LoadResult,
): Record<string, { statuses: Record<number, number>; failures: number }> {
  return Object.fromEntries(
    Object.entries(result.vendors).map(([vendor, stats]) => {
      const expected = expectedStatuses(vendor as Vendor);
      const statuses = Object.fromEntries(
        Object.entries(stats.statuses).filter(([status]) => !expected.includes(Number(status))),
      );
      return [vendor, { statuses, failures: stats.failures }];
    }),
  );
}
