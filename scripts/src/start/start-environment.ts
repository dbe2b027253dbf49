import { vendors, type Vendor } from '@envspec/specs';
import { startMocks, type MockFleet, type MockMode, type PrismHostLaunch } from '@envspec/mock';
import {
  openStores,
  startServers,
  type ServerFleet,
  type StartServersOptions,
  type StoreSelection,
} from '@envspec/server';

export interface EnvironmentOptions {
  mockMode: MockMode;
  seed?: string;
  /**
   * Where state lives. Opened once per vendor and shared: the reference servers and, in stateful
   * mode, the mock read and write the same documents (and, on PostgreSQL, so does every other
   * process pointed at the database). Without it each keeps its own, in memory.
   */
  store?: StoreSelection;
  rateLimit?: StartServersOptions['rateLimit'];
  logger: NonNullable<StartServersOptions['logger']>;
  /** Ports by vendor (0: a free one); default 4010–4013 for the mocks and 3010–3013 for the servers. */
  mockPorts?: Partial<Record<Vendor, number>>;
  serverPorts?: Partial<Record<Vendor, number>>;
  /** Browser origins allowed to call the mocks and the servers; `false` turns CORS off; default local dev servers. */
  corsOrigins?: string[] | false;
  /** The mocks' own events: an engine restart, a refused browser origin and the flag that allows it. */
  onMockEvent?: (vendor: Vendor, line: string) => void;
  /** The Prism engine process, forked before anything else loaded (`prelaunchPrismEngine`), for the mocks to adopt. */
  prismEngine?: PrismHostLaunch;
}

export interface Environment {
  mocks: MockFleet;
  servers: ServerFleet;
  /** Stops the mocks and the servers, then closes the shared stores. */
  stop(): Promise<void>;
}

/** What `pnpm start` runs: the mocks and the reference servers side by side. */
export async function startEnvironment(options: EnvironmentOptions): Promise<Environment> {
  const shared = options.store ? await openStores(options.store, vendors) : undefined;
  const started = await Promise.allSettled([
    startMocks({
      mode: options.mockMode,
      ...(options.prismEngine ? { prismEngine: options.prismEngine } : {}),
      ...(options.seed ? { seed: options.seed } : {}),
      ...(options.mockPorts ? { ports: options.mockPorts } : {}),
      ...(options.corsOrigins === undefined
        ? {}
        : { cors: options.corsOrigins === false ? false : { origins: options.corsOrigins } }),
      prismLogLevel: 'silent',
      ...(options.onMockEvent
        ? { onLog: (vendor: Vendor, line: string) => line.startsWith('mock') && options.onMockEvent?.(vendor, line) }
        : {}),
      // Only the stateful engine keeps state; Prism's answers come from the spec.
      ...(shared && options.mockMode === 'stateful' ? { stores: shared.stores } : {}),
    }),
    startServers({
      logger: options.logger,
      ...(options.serverPorts ? { ports: options.serverPorts } : {}),
      ...(options.corsOrigins === undefined
        ? {}
        : { cors: options.corsOrigins === false ? false : { origins: options.corsOrigins } }),
      ...(shared ? { stores: shared.stores } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    }),
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
