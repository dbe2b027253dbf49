/**
 * A short soak: ~50 kept-alive loopback connections against all four vendors, a mix of GETs and valid
 * writes, for a fixed number of requests however long they take (how many per second is measured by
 * `pnpm bench`, not here). What must hold whatever the speed: no 5xx and no answer beyond the
 * documented ones (200, and Fabro's 409 when another writer changed the revision first), no transport
 * failure, every acknowledged write still there afterwards, no socket or other handle left open
 * once the clients are gone, and a heap that, after garbage collection, ends where it started. `pnpm soak` runs the
 * same load for as long as asked.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { lostWrites, percentile, runLoad, unexpectedAnswers } from '../../scripts/load-generator.ts';

const requests = Number(process.env.ENVSPEC_SOAK_REQUESTS ?? 6_000);
const concurrency = 52;

// vitest workers run without --expose-gc; the flag can still be turned on and `gc` fetched from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

/** How many of each kind of resource keep this process alive: sockets on both sides (the servers run in this process), listening servers, pipes, timers, children. */
function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

/** The kinds of which more are open now than in `before`, with how many more; `timers: false` leaves timers out. */
function leakedSince(before: Record<string, number>, { timers = true } = {}): Record<string, number> {
  return Object.fromEntries(
    Object.entries(openHandles())
      .filter(([kind]) => timers || kind !== 'Timeout')
      .map(([kind, count]) => [kind, count - (before[kind] ?? 0)] as const)
      .filter(([, more]) => more > 0),
  );
}

let fleet: ServerFleet;
beforeAll(async () => {
  fleet = await startServers({ ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])) });
});
afterAll(async () => fleet?.stop());

it(`${requests} requests over ${concurrency} connections: documented answers only, no write lost, no handle left, bounded heap`, async () => {
  const targets = fleet.servers.map(({ vendor, url }) => ({ vendor, url }));
  const handlesBefore = openHandles();
  // Warm-up: JIT, validator caches, connection pools, the stores' documents at their steady size.
  await runLoad({ targets, requests: 600, concurrency });
  await expect.poll(() => leakedSince(handlesBefore, { timers: false }), { timeout: 10_000 }).toEqual({});
  const heapBefore = settledHeap();
  let peakRss = 0;
  const result = await runLoad({
    targets,
    requests,
    concurrency,
    onSample: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
  });
  // The load generator destroyed its connections: the servers' ends must close too, and nothing else stay open.
  // Timers only count once the poll (which has its own) is over.
  await expect.poll(() => leakedSince(handlesBefore, { timers: false }), { timeout: 10_000 }).toEqual({});
  expect(leakedSince(handlesBefore), 'handles still open after the load').toEqual({});
  const heapAfter = settledHeap();

  const growthMb = (heapAfter - heapBefore) / 2 ** 20;
  const latencies = Object.values(result.vendors).flatMap((stats) => stats.latenciesMs);
  const summary = {
    requests: result.requests,
    seconds: Number((result.durationMs / 1000).toFixed(1)),
    statuses: Object.fromEntries(Object.entries(result.vendors).map(([vendor, stats]) => [vendor, stats.statuses])),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    heapGrowthMb: Number(growthMb.toFixed(2)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
  };
  if (process.env.ENVSPEC_RELIABILITY_REPORT) console.log(`soak: ${JSON.stringify(summary)}`);

  // Workers finish the request in hand when the budget runs out, so a few more than asked may go out.
  expect(result.requests).toBeGreaterThanOrEqual(requests);
  expect(unexpectedAnswers(result)).toEqual(
    Object.fromEntries(targets.map(({ vendor }) => [vendor, { statuses: {}, failures: 0 }])),
  );
  for (const vendor of vendors) {
    expect(result.vendors[vendor]!.statuses[200], vendor).toBeGreaterThan(0);
    expect(
      Object.keys(result.vendors[vendor]!.lastAcknowledged).length,
      `${vendor} acknowledged writes`,
    ).toBeGreaterThan(0);
  }
  expect(await lostWrites(targets, result)).toEqual(Object.fromEntries(vendors.map((vendor) => [vendor, []])));
  // Thousands of requests went through whatever the speed; a per-request leak of even a few hundred bytes would show.
  expect(growthMb).toBeLessThan(8);
}, 180_000);
