import type { Vendor } from '@envspec/specs';
import { datadogContract } from './datadog/datadog-contract.ts';
import { fabroContract } from './fabro/fabro-contract.ts';
import { launchDarklyContract } from './launchdarkly/launchdarkly-contract.ts';
import { qoderContract } from './qoder/qoder-contract.ts';
import type { VendorContract } from './vendor-contract.ts';

export const vendorContracts: Record<Vendor, VendorContract> = {
  qoder: qoderContract,
  fabro: fabroContract,
  datadog: datadogContract,
  launchdarkly: launchDarklyContract,
};
