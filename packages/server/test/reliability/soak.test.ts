/**
 * A short soak: ~50 kept-alive loopback connections against all four vendors for a few seconds, a
 * mix of GETs and valid writes. No 5xx, no answer beyond the documented ones (200, and Fabro's 409
 * when another writer changed the revision first), no transport failure, and a heap that, after
 * garbage collection, ends where it started. `pnpm soak` runs the same load for as long as asked.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { percentile, runLoad, unexpectedAnswers } from '../../scripts/load-generator.ts';

const seconds = Number(process.env.ENVSPEC_SOAK_SECONDS ?? 4);
const concurrency = 52;

// vitest workers run without --expose-gc; the flag can still be turned on and `gc` fetched from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

let fleet: ServerFleet;
beforeAll(async () => {
  fleet = await startServers({ ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])) });
});
afterAll(async () => fleet?.stop());

it(`${concurrency} connections for ${seconds} s: only documented answers, bounded memory`, async () => {
  const targets = fleet.servers.map(({ vendor, url }) => ({ vendor, url }));
  // Warm-up: JIT, validator caches, connection pools, the stores' documents at their steady size.
  await runLoad({ targets, durationMs: 600, concurrency });
  const heapBefore = settledHeap();
  let peakRss = 0;
  const result = await runLoad({
    targets,
    durationMs: seconds * 1000,
    concurrency,
    onSample: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const heapAfter = settledHeap();

  const growthMb = (heapAfter - heapBefore) / 2 ** 20;
  const latencies = Object.values(result.vendors).flatMap((stats) => stats.latenciesMs);
  const summary = {
    requests: result.requests,
    perSecond: Math.round(result.requests / (result.durationMs / 1000)),
    statuses: Object.fromEntries(Object.entries(result.vendors).map(([vendor, stats]) => [vendor, stats.statuses])),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    heapGrowthMb: Number(growthMb.toFixed(2)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
  };
  if (process.env.ENVSPEC_RELIABILITY_REPORT) console.log(`soak: ${JSON.stringify(summary)}`);

  expect(unexpectedAnswers(result)).toEqual(
    Object.fromEntries(targets.map(({ vendor }) => [vendor, { statuses: {}, failures: 0 }])),
  );
  for (const vendor of vendors) expect(result.vendors[vendor]!.statuses[200], vendor).toBeGreaterThan(0);
  // Thousands of requests went through; a per-request leak of even a few hundred bytes would show.
  expect(result.requests).toBeGreaterThan(1000);
  expect(growthMb).toBeLessThan(8);
}, 30_000);
