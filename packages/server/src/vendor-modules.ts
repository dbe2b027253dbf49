import type { Vendor } from '@envspec/specs/vendors';
import type { VendorModule } from './http/vendor-module.ts';
import { qoderModule } from './qoder/qoder-module.ts';
import { fabroModule } from './fabro/fabro-module.ts';
import { datadogModule } from './datadog/datadog-module.ts';
import { launchDarklyModule } from './launchdarkly/launchdarkly-module.ts';

/** One module per vendor; adding a vendor is adding its folder and a line here. */
export const vendorModules: Record<Vendor, VendorModule<never>> = {
  qoder: qoderModule as VendorModule<never>,
  fabro: fabroModule as VendorModule<never>,
  datadog: datadogModule as VendorModule<never>,
  launchdarkly: launchDarklyModule as VendorModule<never>,
} as Record<Vendor, VendorModule<never>>;
