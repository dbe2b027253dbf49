/**
 * Loopback load for the reference servers: `concurrency` workers, each on its own kept-alive
 * connection to one vendor, sending a mix of valid GETs and valid writes for a fixed time, and
 * counting every answer. Used by the soak test (a few seconds) and `pnpm soak` (as long as asked).
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
  durationMs: number;
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
}

export interface LoadResult {
  durationMs: number;
  requests: number;
  vendors: Record<string, VendorLoad>;
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
}

type Reply = Pick<RawReply, 'status' | 'headers' | 'text'>;

const json = { 'content-type': 'application/json' };

function traffic(vendor: Vendor): Traffic {
  // The unthrottled write demo credential, as the vendor takes it.
  const headers = credentialHeaders(vendor);
  switch (vendor) {
    case 'qoder':
      return {
        path: '/api/v1/cloud/environments/env_019e3bb39b6774d8878cd0b9d237574b',
        headers,
        // One metadata key per worker, so the document stays the same size however long the run.
        write: async (worker, sequence) => ({
          method: 'PUT',
          headers: json,
          body: JSON.stringify({ metadata: { [`soak_w${worker}`]: String(sequence) } }),
        }),
        alsoExpected: [],
      };
    case 'fabro':
      return {
        path: '/api/v1/environments/ci-runner',
        headers,
        write: async (worker, sequence, current) => {
          const reply = await current();
          const { id: _id, revision: _revision, ...definition } = JSON.parse(reply.text) as Record<string, unknown>;
          return {
            method: 'PUT',
            headers: { ...json, 'if-match': String(reply.headers.etag) },
            body: JSON.stringify({ ...definition, labels: { writer: `w${worker}`, sequence: String(sequence) } }),
          };
        },
        alsoExpected: [409],
      };
    case 'datadog':
      return {
        path: '/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655440001',
        headers,
        write: async (worker, sequence) => ({
          method: 'PUT',
          headers: json,
          body: JSON.stringify({
            data: { type: 'environments', attributes: { name: `soak-${worker}-${sequence % 100}` } },
          }),
        }),
        alsoExpected: [],
      };
    case 'launchdarkly':
      return {
        path: '/api/v2/projects/default/environments/production',
        headers,
        write: async (worker, sequence) => ({
          method: 'PATCH',
          headers: json,
          body: JSON.stringify([{ op: 'replace', path: '/name', value: `soak-${worker}-${sequence % 100}` }]),
        }),
        alsoExpected: [],
      };
  }
}

/** Statuses a run may see for `vendor`: 200 and the documented conflicts of its valid writes. */
export function expectedStatuses(vendor: Vendor): number[] {
  return [200, ...traffic(vendor).alsoExpected];
}

/** Runs the load and resolves with what every request got. */
export async function runLoad({
  targets,
  durationMs,
  concurrency,
  writeRatio = 0.3,
  onSample,
  sampleEveryMs = 250,
}: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const vendors: Record<string, VendorLoad> = Object.fromEntries(
    targets.map(({ vendor }) => [vendor, { requests: 0, statuses: {}, failures: 0, latenciesMs: [] }]),
  );
  const started = Date.now();
  const deadline = started + durationMs;
  const sampler = onSample ? setInterval(() => onSample(Date.now() - started), sampleEveryMs) : undefined;

  async function timed(
    target: LoadTarget,
    method: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply | undefined> {
    const stats = vendors[target.vendor]!;
    const sentAt = performance.now();
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
    let sequence = 0;
    // Spread writes evenly: worker i writes on requests where the running share falls below the ratio.
    while (Date.now() < deadline) {
      sequence += 1;
      const writes = Math.floor(sequence * writeRatio) > Math.floor((sequence - 1) * writeRatio);
      if (!writes) {
        await timed(target, 'GET', plan.headers);
        continue;
      }
      const current = async () => (await timed(target, 'GET', plan.headers)) ?? { status: 0, headers: {}, text: '{}' };
      const write = await plan.write(index, sequence, current);
      await timed(target, write.method, { ...plan.headers, ...write.headers }, write.body);
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
