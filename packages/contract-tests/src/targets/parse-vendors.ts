// Not in target.ts: vitest.config.ts imports that, and a config may not load a workspace package's TypeScript.
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs/vendors';

/** CONTRACT_VENDORS (`qoder,fabro`), default every vendor. */
export function parseVendors(value: string | undefined): Vendor[] {
  if (!value) return [...allVendors];
  const selected = value.split(',').map((vendor) => vendor.trim());
  for (const vendor of selected)
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}'; expected ${allVendors.join(', ')}`);
  return selected as Vendor[];
}
