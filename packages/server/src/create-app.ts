import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { Vendor } from '@envspec/specs/vendors';
import { loadBundle } from '@envspec/specs';
import { createVendorApp, type VendorAppOptions } from './http/create-vendor-app.ts';
import type { VendorModule } from './http/vendor-module.ts';
import { vendorModules } from './vendor-modules.ts';
import type { Store } from './store/store.ts';
import { openStore, type StoreSelection } from './store/store-selection.ts';

export type AppOptions<Resource> = Omit<VendorAppOptions<Resource>, 'store' | 'logger'> & {
  store?: Store<Resource>;
  logger?: Logger;
};

/** A silent logger for tests and embedding. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * The store a vendor starts with, holding its spec's fixtures: in memory by default; a string is a
 * data directory (state under `<dir>/<vendor>`); fixtures already stored are kept as they are.
 */
export async function createSeededStore<Resource>(
  module: VendorModule<Resource>,
  where: string | StoreSelection = { kind: 'memory' },
): Promise<Store<Resource>> {
  const selection: StoreSelection = typeof where === 'string' ? { kind: 'file', directory: where } : where;
  return openStore(selection, module.vendor, module.seed(loadBundle(module.vendor)));
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
