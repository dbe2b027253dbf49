/**
 * Where the specs live on disk, for Node tools (the bundler, the type generator, Prism, the docs).
 * Kept apart from the browser-safe entry point: nothing else in this package needs a file system.
 */
import { fileURLToPath } from 'node:url';
import type { Vendor } from './vendors.ts';

/** Absolute path of a vendor's hand-authored root document. */
export function specRootPath(vendor: Vendor): string {
  return fileURLToPath(new URL(`../${vendor}/openapi.yaml`, import.meta.url));
}

/** Absolute path of a vendor's committed single-file bundle (what every tool consumes). */
export function bundlePath(vendor: Vendor): string {
  return fileURLToPath(new URL(`../bundled/${vendor}.json`, import.meta.url));
}
