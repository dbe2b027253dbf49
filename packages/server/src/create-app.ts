import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { Vendor } from '@envspec/specs/vendors';
import { loadBundle } from '@envspec/specs';
import { createVendorApp, type VendorAppOptions } from './http/create-vendor-app.ts';
import type { VendorModule } from './http/vendor-module.ts';
import { vendorModules } from './vendor-modules.ts';
import { FileStore } from './store/file-store.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { Store } from './store/store.ts';
import { join } from 'node:path';

export type AppOptions<Resource> = Omit<VendorAppOptions<Resource>, 'store' | 'logger'> & {
  store?: Store<Resource>;
  logger?: Logger;
};

/** A silent logger for tests and embedding. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** The store a vendor starts with: its spec's fixtures in memory, or on disk under `dataDir/<vendor>`. */
export async function createSeededStore<Resource>(
  module: VendorModule<Resource>,
  dataDir?: string,
): Promise<Store<Resource>> {
  const seed = module.seed(loadBundle(module.vendor));
  return dataDir ? FileStore.open(join(dataDir, module.vendor), seed) : new MemoryStore(seed);
}

/** Creates the reference server app for one vendor; with no store given it is seeded in memory. */
export async function createApp(vendor: Vendor, options: AppOptions<unknown> = {}): Promise<Express> {
  const module = vendorModules[vendor] as VendorModule<unknown>;
  return createVendorApp(module, {
    ...options,
    store: options.store ?? (await createSeededStore(module)),
    logger: options.logger ?? silentLogger,
  });
}
