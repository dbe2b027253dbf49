import type { Vendor } from '@envspec/specs/vendors';

/** Default reference-server ports: the mock's port minus 1000 (mock 4010 ↔ server 3010). */
export const defaultServerPorts: Record<Vendor, number> = {
  qoder: 3010,
  fabro: 3011,
  datadog: 3012,
  launchdarkly: 3013,
};
