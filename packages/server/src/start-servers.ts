import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { loadBundle } from '@envspec/specs';
import { vendors as allVendors, type Vendor } from '@envspec/specs/vendors';
import type { Credential, RateLimitRule } from './auth/credentials.ts';
import { createSeededStore, silentLogger } from './create-app.ts';
import { createVendorApp } from './http/create-vendor-app.ts';
import type { CorsSettings } from './http/cors.ts';
import { defaultJsonBodyOptions, type JsonBodyOptions } from './http/json-body.ts';
import { createHttpServer, resolveServerLimits, type ServerLimits } from './http/listen.ts';
import type { VendorModule } from './http/vendor-module.ts';
import { defaultServerPorts } from './ports.ts';
import type { StoreSelection } from './store/store-selection.ts';
import { vendorModules } from './vendor-modules.ts';

export interface StartServersOptions {
  vendors?: readonly Vendor[];
  /** Port per vendor; 0 picks a free one. */
  ports?: Partial<Record<Vendor, number>>;
  host?: string;
  /** Persist state under this folder (one subfolder per vendor) instead of in memory. */
  dataDir?: string;
  /** Where state lives (memory, files, PostgreSQL shared by replicas); overrides `dataDir`. */
  store?: StoreSelection;
  rateLimit?: RateLimitRule;
  credentials?: Partial<Record<Vendor, Credential[]>>;
  logger?: Logger;
  /** Connection-level limits (timeouts, header size); see `defaultServerLimits`. */
  limits?: Partial<ServerLimits>;
  /** Body size and nesting limits; see `defaultJsonBodyOptions`. */
  body?: Partial<JsonBodyOptions>;
  /** Most operations one JSON Patch may carry (LaunchDarkly); default 100. */
  maxPatchOperations?: number;
  /** Origins browser pages may call from; `false` turns CORS off. Default: local dev origins on any port. */
  cors?: CorsSettings | false;
}

export interface RunningServer {
  vendor: Vendor;
  url: string;
  port: number;
  credentials: Credential[];
  /** Store keys seeded from the spec's examples. */
  fixtures: string[];
}

export interface ServerFleet {
  servers: RunningServer[];
  /** Stops accepting, lets in-flight requests finish, flushes the stores. */
  stop(): Promise<void>;
}

/** Starts one reference server per vendor on loopback (by default) and resolves once all listen. */
export async function startServers(options: StartServersOptions = {}): Promise<ServerFleet> {
  const { vendors = allVendors, host = '127.0.0.1', logger = silentLogger } = options;
  const limits = resolveServerLimits(options.limits);
  const running: Array<{ entry: RunningServer; server: Server; close: () => Promise<void> }> = [];
  try {
    for (const vendor of vendors) {
      const module = vendorModules[vendor] as VendorModule<unknown>;
      const store = await createSeededStore(module, options.store ?? options.dataDir);
      const fixtures = module.seed(loadBundle(vendor)).map(([key]) => key);
      const credentials = options.credentials?.[vendor] ?? module.demoCredentials;
      const app = createVendorApp(module, {
        store,
        credentials,
        logger,
        body: { ...defaultJsonBodyOptions, ...options.body },
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        ...(options.maxPatchOperations === undefined ? {} : { maxPatchOperations: options.maxPatchOperations }),
        ...(options.cors === undefined ? {} : { cors: options.cors }),
      });
      const server = createHttpServer(app, limits, (error, requestId) =>
        module.renderError(module.adaptError(error, error), requestId),
      );
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.ports?.[vendor] ?? defaultServerPorts[vendor], host, resolve);
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
      running.push({ entry: { vendor, port, url: `http://${host}:${port}`, credentials, fixtures }, server, close });
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
