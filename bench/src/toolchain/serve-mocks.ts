/**
 * Child-process entry for the mock start-up benchmark: loads `@envspec/mock`, starts all four mocks
 * (static, free ports) and reports once each front has answered an authenticated GET of its fixture,
 * with the mock's processes (this one, which holds the fronts, and the shared Prism engine) so the
 * parent can sample their RSS and load them. Stops on the parent's `stop`. Times are from
 * `performance.now()`, whose origin is this process's start.
 */
import type { Vendor } from '@envspec/specs/vendors';
import { fixtureGet } from '../server/workloads.ts';

export interface MocksReadyMessage {
  importMs: number;
  startMs: number;
  sinceProcessStartMs: number;
  urls: Record<Vendor, string>;
  frontPid: number;
  enginePid: number;
}

const imported = performance.now();
const { startMocks } = await import('@envspec/mock');
const { vendors } = await import('@envspec/specs/vendors');
const loaded = performance.now();
const fleet = await startMocks({
  ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])) as Record<Vendor, number>,
});
await Promise.all(
  fleet.mocks.map(async ({ vendor, url }) => {
    const { path, headers } = fixtureGet(vendor);
    const response = await fetch(`${url}${path}`, { headers });
    if (response.status !== 200)
      throw new Error(`GET ${path} on the ${vendor} mock answered ${response.status}: ${await response.text()}`);
  }),
);
const answering = performance.now();
const ready: MocksReadyMessage = {
  importMs: loaded - imported,
  startMs: answering - loaded,
  sinceProcessStartMs: answering,
  urls: Object.fromEntries(fleet.mocks.map((mock) => [mock.vendor, mock.url])) as Record<Vendor, string>,
  frontPid: process.pid,
  enginePid: fleet.mocks[0]!.engine.pid!,
};
process.send?.(ready);
process.once('message', async () => {
  await fleet.stop();
  process.disconnect?.();
});
