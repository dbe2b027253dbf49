import { fileURLToPath } from 'node:url';

/** Every vendor envspec models; each has `specs/<vendor>/openapi.yaml` and an API alias in `redocly.yaml`. */
export const vendors = ['qoder', 'fabro', 'datadog', 'launchdarkly'] as const;

export type Vendor = (typeof vendors)[number];

export function isVendor(value: string): value is Vendor {
  return (vendors as readonly string[]).includes(value);
}

/** Absolute path of a vendor's hand-authored root document. */
export function specRootPath(vendor: Vendor): string {
  return fileURLToPath(new URL(`../${vendor}/openapi.yaml`, import.meta.url));
}

/** Absolute path of a vendor's committed single-file bundle (what every tool consumes). */
export function bundlePath(vendor: Vendor): string {
  return fileURLToPath(new URL(`../bundled/${vendor}.json`, import.meta.url));
}
