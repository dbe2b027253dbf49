import type { Vendor } from '@envspec/specs/vendors';

/** Fixed default ports, so frontend configs can hard-code them. Each is overridable. */
export const defaultMockPorts: Record<Vendor, number> = {
  qoder: 4010,
  fabro: 4011,
  datadog: 4012,
  launchdarkly: 4013,
};
