import type { Vendor } from '@envspec/specs';
import { vendorCore, type Store } from '@envspec/vendors';
import { createSeededStore } from '../create-app.ts';
import type { StoreSelection } from './store-selection.ts';

/** One store per vendor, opened once and handed to every consumer (reference servers, the stateful mock). */
export interface OpenStores {
  /** By vendor, seeded with the spec's fixtures (keys already stored are kept). Their `close` does nothing. */
  stores: Partial<Record<Vendor, Store<unknown>>>;
  /** Closes every store, once each consumer has stopped. */
  close(): Promise<void>;
}

/** A consumer's view of a store someone else owns: the same reads and writes, and a `close` that leaves it open. */
function borrowed(store: Store<unknown>): Store<unknown> {
  return {
    get: (key) => store.get(key),
    compareAndSet: (key, expectedVersion, value) => store.compareAndSet(key, expectedVersion, value),
    close: async () => undefined,
  };
}

/**
 * Opens `selection` for each of `vendors` so that several consumers in one process share it: the
 * reference servers (`startServers({ stores })`) and the stateful mock (`startMocks({ stores })`)
 * then read and write the same state, and with a PostgreSQL selection so does every other process
 * pointed at the same database. One instance per vendor, not one per consumer: a file store keeps
 * its view in memory, so two instances over one folder would not see each other's writes.
 */
export async function openStores(selection: StoreSelection, vendors: readonly Vendor[]): Promise<OpenStores> {
  const opened: Array<[Vendor, Store<unknown>]> = [];
  const close = async () => {
    await Promise.all(opened.map(([, store]) => store.close()));
  };
  try {
    for (const vendor of vendors) opened.push([vendor, await createSeededStore(vendorCore(vendor), selection)]);
  } catch (error) {
    await close();
    throw error;
  }
  return { stores: Object.fromEntries(opened.map(([vendor, store]) => [vendor, borrowed(store)])), close };
}
