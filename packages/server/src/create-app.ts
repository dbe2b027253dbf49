import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import { bundleOf, type Vendor } from '@envspec/specs';
import { vendorCore, type AnyVendorCore, type Store } from '@envspec/vendors';
import { createVendorApp, type VendorAppOptions } from './http/create-vendor-app.ts';
import { openStore, type StoreSelection } from './store/store-selection.ts';

export type AppOptions = Omit<VendorAppOptions, 'store' | 'logger'> & {
  store?: Store<unknown>;
  logger?: Logger;
};

/** A silent logger for tests and embedding. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * The store a vendor starts with, holding its spec's fixtures: in memory by default; a string is a
 * data directory (state under `<dir>/<vendor>`); fixtures already stored are kept as they are.
 */
export async function createSeededStore(
  core: AnyVendorCore,
  where: string | StoreSelection = { kind: 'memory' },
): Promise<Store<unknown>> {
  const selection: StoreSelection = typeof where === 'string' ? { kind: 'file', directory: where } : where;
  return openStore(selection, core.vendor, core.fixtures(bundleOf(core.vendor)));
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
