import autocannon from 'autocannon';
import { sampleRss } from '../process.ts';
import type { Workload } from './workloads.ts';

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Process whose RSS is sampled during the round. */
  pid?: number;
}

/** One round of load against one server. */
export interface LoadRound {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Largest RSS of the server process during the round, MiB. */
  rssMiB: number | undefined;
  /** Answers other than 2xx, connection errors and timeouts: all must be 0 for the round to count. */
  non2xx: number;
  errors: number;
}

/** Runs autocannon (in this process) against `baseUrl` for one round, sampling the server's RSS. */
export async function runLoad(baseUrl: string, workload: Workload, options: LoadOptions): Promise<LoadRound> {
  const rss = options.pid === undefined ? undefined : sampleRss(options.pid);
  const result = await autocannon({
    url: `${baseUrl}${workload.path}`,
    method: workload.method,
    headers: workload.headers,
    body: workload.body,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
  });
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    rssMiB: rss?.stop(),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Sends the workload once and throws with the answer unless it is a 2xx, so a broken setup fails before any load. */
export async function checkWorkload(baseUrl: string, workload: Workload, name: string): Promise<void> {
  const response = await fetch(`${baseUrl}${workload.path}`, {
    method: workload.method,
    headers: workload.headers,
    body: workload.body,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${name}: ${workload.method} ${workload.path} answered ${response.status}, not 2xx: ${text.slice(0, 500)}`,
    );
}
