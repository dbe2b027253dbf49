import { startServers } from '@envspec/server';
import type { Vendor } from '@envspec/specs/vendors';
import type { Engine } from './engine.ts';

/**
 * Stateful mode: the reference servers, in this process on free loopback ports, behind the mock
 * fronts (which add CORS and injected delays/errors). One fleet serves every selected vendor.
 */
export async function startReferenceEngines(
  vendors: readonly Vendor[],
): Promise<{ engines: Map<Vendor, Engine>; stop(): Promise<void> }> {
  // The fronts answer CORS (and strip the engine's CORS headers), so the servers need not.
  const fleet = await startServers({
    vendors,
    host: '127.0.0.1',
    ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])),
    cors: false,
  });
  const engines = new Map<Vendor, Engine>();
  for (const server of fleet.servers) {
    engines.set(server.vendor, {
      kind: 'reference-server',
      url: server.url,
      pid: undefined,
      ready: async () => server.url,
      recycle: () => undefined,
      stop: async () => undefined,
    });
  }
  return { engines, stop: () => fleet.stop() };
}
