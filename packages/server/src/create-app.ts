import { join } from 'node:path';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import { bundleOf, type Vendor } from '@envspec/specs';
import { MemoryStore, vendorCore, type AnyVendorCore, type Store } from '@envspec/vendors';
import { createVendorApp, type VendorAppOptions } from './http/create-vendor-app.ts';
import { FileStore } from './store/file-store.ts';

export type AppOptions = Omit<VendorAppOptions, 'store' | 'logger'> & {
  store?: Store<unknown>;
  logger?: Logger;
};

/** A silent logger for tests and embedding. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** The store a vendor starts with: its spec's fixtures in memory, or on disk under `dataDir/<vendor>`. */
export async function createSeededStore(core: AnyVendorCore, dataDir?: string): Promise<Store<unknown>> {
  const seed = core.fixtures(bundleOf(core.vendor));
  return dataDir ? FileStore.open(join(dataDir, core.vendor), seed) : new MemoryStore(seed);
}

/** Creates the reference server app for one vendor; with no store given it is seeded in memory. */
export async function createApp(vendor: Vendor, options: AppOptions = {}): Promise<Express> {
  const core = vendorCore(vendor);
  return createVendorApp(core, {
    ...options,
    store: options.store ?? (await createSeededStore(core)),
    logger: options.logger ?? silentLogger,
  });
}
