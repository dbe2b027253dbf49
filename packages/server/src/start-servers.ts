import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { bundleOf, vendors as allVendors, type Vendor } from '@envspec/specs';
import {
  defaultServerPorts,
  vendorCore,
  type BodyLimits,
  type ConnectionLimits,
  type CorsSettings,
  type Credential,
  type RateLimitRule,
  type Store,
  type VendorOptionName,
} from '@envspec/vendors';
import { createSeededStore, silentLogger } from './create-app.ts';
import { createVendorApp } from './http/create-vendor-app.ts';
import { createHttpServer } from './http/listen.ts';
import type { StoreSelection } from './store/store-selection.ts';

export interface StartServersOptions {
  vendors?: readonly Vendor[];
  /** Port per vendor; 0 picks a free one. */
  ports?: Partial<Record<Vendor, number>>;
  host?: string;
  /** Persist state under this folder (one subfolder per vendor) instead of in memory. */
  dataDir?: string;
  /** Where state lives (memory, files, PostgreSQL shared by replicas); overrides `dataDir`. */
  store?: StoreSelection;
  /**
   * Stores already open (`openStores`), by vendor: served as they are, and closed with the fleet.
   * Overrides `store` and `dataDir` for those vendors.
   */
  stores?: Partial<Record<Vendor, Store<unknown>>>;
  rateLimit?: RateLimitRule;
  credentials?: Partial<Record<Vendor, readonly Credential[]>>;
  logger?: Logger;
  /** Connection-level limits (timeouts, header size); see `defaultConnectionLimits`. */
  limits?: Partial<ConnectionLimits>;
  /** Body size and nesting limits; see `defaultBodyLimits`. */
  body?: Partial<BodyLimits>;
  /** The vendors' own settings, e.g. `{ maxPatchOperations: 20 }` (LaunchDarkly; default 100). */
  vendorOptions?: Partial<Record<VendorOptionName, number>>;
  /** Origins browser pages may call from; `false` turns CORS off. Default: local dev origins on any port. */
  cors?: CorsSettings | false;
}

export interface RunningServer {
  vendor: Vendor;
  url: string;
  port: number;
  credentials: readonly Credential[];
  /** The limit of every credential that has none of its own (`rateLimit`, `--rate-limit`). */
  rateLimit?: RateLimitRule;
  /** Store keys seeded from the spec's examples. */
  fixtures: string[];
}

export interface ServerFleet {
  servers: RunningServer[];
  /** Stops accepting, lets in-flight requests finish, flushes the stores. */
  stop(): Promise<void>;
}

/** Why a server could not listen, in the terms of the options that chose where (`--port`, `--host`). */
function listenError(error: NodeJS.ErrnoException, vendor: Vendor, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new Error(
        `port ${port} on ${host} for the ${vendor} server is already in use: stop what listens there, or choose another port (--port ${vendor}=N, 0 for any free one)`,
      );
    case 'EACCES':
      return new Error(
        `not allowed to listen on port ${port} for the ${vendor} server: choose a port above 1023 (--port ${vendor}=N)`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(
        `cannot listen on ${host} for the ${vendor} server: it is not an address of this machine (${error.code}); pass --host with one, e.g. 127.0.0.1 (the default) or 0.0.0.0 for every interface`,
      );
    default:
      return error;
  }
}

/** Starts one reference server per vendor on loopback (by default) and resolves once all listen. */
export async function startServers(options: StartServersOptions = {}): Promise<ServerFleet> {
  const { vendors = allVendors, host = '127.0.0.1', logger = silentLogger } = options;
  const running: Array<{ entry: RunningServer; server: Server; close: () => Promise<void> }> = [];
  try {
    for (const vendor of vendors) {
      const core = vendorCore(vendor);
      const store = options.stores?.[vendor] ?? (await createSeededStore(core, options.store ?? options.dataDir));
      const fixtures = core.fixtures(bundleOf(vendor)).map(([key]) => key);
      const credentials = options.credentials?.[vendor] ?? core.credentials.demo;
      const app = createVendorApp(core, {
        store,
        credentials,
        logger,
        ...(options.body ? { body: options.body } : {}),
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        ...(options.vendorOptions ? { vendorOptions: options.vendorOptions } : {}),
        ...(options.cors === undefined ? {} : { cors: options.cors }),
      });
      const server = createHttpServer(app, options.limits ?? {}, core);
      const requestedPort = options.ports?.[vendor] ?? defaultServerPorts[vendor];
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, vendor, host, requestedPort)));
        server.listen(requestedPort, host, resolve);
      }).catch(async (error: unknown) => {
        // Not in `running` yet: close its store here (an open database pool would keep the process alive).
        await store.close();
        throw error;
      });
      const { port } = server.address() as AddressInfo;
      const close = async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await store.close();
      };
      running.push({
        entry: {
          vendor,
          port,
          url: `http://${host}:${port}`,
          credentials,
          ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
          fixtures,
        },
        server,
        close,
      });
    }
  } catch (error) {
    await Promise.all(running.map((entry) => entry.close()));
    throw error;
  }
  return {
    servers: running.map(({ entry }) => entry),
    async stop() {
      const timer = setTimeout(() => {
        for (const { server } of running) server.closeAllConnections();
      }, 5_000);
      await Promise.all(running.map((entry) => entry.close()));
      clearTimeout(timer);
    },
  };
}
