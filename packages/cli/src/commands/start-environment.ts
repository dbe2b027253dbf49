import type { MockFleet, MockFleetOptions } from '@envspec/mock';
import type { ServerFleet, StartServersOptions, StoreSelection } from '@envspec/server';

export interface EnvironmentOptions {
  /**
   * The mocks, as `startMocks` takes them (`vendors` is shared with the servers), with the Prism
   * engine process forked ahead (`prismEngine`, see `prelaunchPrismEngine`) when there is one.
   */
  mock: Omit<MockFleetOptions, 'stores'>;
  /** The reference servers, as `startServers` takes them. */
  server: Omit<StartServersOptions, 'stores' | 'store' | 'dataDir'>;
  /**
   * Where state lives. Opened once per vendor and shared: the reference servers and, in stateful
   * mode, the mock read and write the same documents (and, on PostgreSQL, so does every other
   * process pointed at the database). Without it each keeps its own, in memory.
   */
  store?: StoreSelection;
}

export interface Environment {
  mocks: MockFleet;
  servers: ServerFleet;
  /** Stops the mocks and the servers, then closes the shared stores. */
  stop(): Promise<void>;
}

/**
 * What `envspec start` runs: the mocks and the reference servers side by side — both, or neither:
 * when one fails to start, the other is stopped and the stores closed before the error surfaces.
 */
export async function startEnvironment(options: EnvironmentOptions): Promise<Environment> {
  // Loaded only to start: `--help` and a usage error stay quick.
  const [{ startMocks }, { openStores, startServers }, { vendors: allVendors }] = await Promise.all([
    import('@envspec/mock'),
    import('@envspec/server'),
    import('@envspec/specs'),
  ]);
  const vendors = options.mock.vendors ?? allVendors;
  const shared = options.store ? await openStores(options.store, vendors) : undefined;
  const started = await Promise.allSettled([
    startMocks({
      ...options.mock,
      // Only the stateful engine keeps state; Prism's answers come from the spec.
      ...(shared && options.mock.mode === 'stateful' ? { stores: shared.stores } : {}),
    }),
    startServers({ ...options.server, ...(shared ? { stores: shared.stores } : {}) }),
  ]);
  const [mocks, servers] = started;
  if (mocks.status === 'rejected' || servers.status === 'rejected') {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    await shared?.close();
    throw (mocks.status === 'rejected' ? mocks : (servers as PromiseRejectedResult)).reason;
  }
  return {
    mocks: mocks.value,
    servers: servers.value,
    async stop() {
      await Promise.all([mocks.value.stop(), servers.value.stop()]);
      await shared?.close();
    },
  };
}
