/**
 * Child-process entry for the start-up benchmark: loads `@envspec/server`, starts all four reference
 * servers on free ports, and reports once each has answered a real request: an authenticated GET of
 * its fixture, validated like any other (the validator compiles its schemas on first use, so this
 * counts that too). Times are from `performance.now()`, whose origin is this process's start.
 */
import type { Vendor } from '@envspec/specs/vendors';
import { fixtureGet } from '../server/workloads.ts';

const imported = performance.now();
const { startServers } = await import('@envspec/server');
const { vendors } = await import('@envspec/specs/vendors');
const loaded = performance.now();
const fleet = await startServers({
  ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])) as Record<Vendor, number>,
});
await Promise.all(
  fleet.servers.map(async ({ vendor, url }) => {
    const { path, headers } = fixtureGet(vendor);
    const response = await fetch(`${url}${path}`, { headers });
    if (response.status !== 200)
      throw new Error(`GET ${path} on the ${vendor} server answered ${response.status}: ${await response.text()}`);
  }),
);
const answering = performance.now();
await fleet.stop();
process.send?.({ importMs: loaded - imported, startMs: answering - loaded, sinceProcessStartMs: answering });
process.disconnect?.();
