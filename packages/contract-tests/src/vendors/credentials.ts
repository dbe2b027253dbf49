import type { Vendor } from '@envspec/specs';

export type Role = 'write' | 'read' | 'throttled';

/**
 * Credential secrets per vendor and role. Defaults are the reference server's documented demo
 * credentials; `CONTRACT_<VENDOR>_<ROLE>` overrides them (e.g. for a staging deployment).
 * Datadog's secret is `<DD-API-KEY>:<DD-APPLICATION-KEY>`.
 */
const demoSecrets: Record<Vendor, Partial<Record<Role, string>>> = {
  qoder: { write: 'qoder_pat_demo_write', read: 'qoder_pat_demo_read', throttled: 'qoder_pat_demo_throttled' },
  fabro: { write: 'fabro_dev_demo_write', throttled: 'fabro_dev_demo_throttled' },
  datadog: {
    write: 'dd_demo_api_key:dd_demo_app_key_write',
    read: 'dd_demo_api_key:dd_demo_app_key_read',
    throttled: 'dd_demo_api_key:dd_demo_app_key_throttled',
  },
  launchdarkly: { write: 'api-0000demo-write', throttled: 'api-0000demo-throttled' },
};

const defaultUrlPorts: Record<Vendor, number> = { qoder: 3010, fabro: 3011, datadog: 3012, launchdarkly: 3013 };

export function secretFor(vendor: Vendor, role: Role): string | undefined {
  return process.env[`CONTRACT_${vendor.toUpperCase()}_${role.toUpperCase()}`] ?? demoSecrets[vendor][role];
}

/** The request headers that present `secret` in the vendor's scheme. */
export function authHeaders(vendor: Vendor, secret: string): Record<string, string> {
  switch (vendor) {
    case 'qoder':
    case 'fabro':
      return { authorization: `Bearer ${secret}` };
    case 'launchdarkly':
      return { authorization: secret };
    case 'datadog': {
      const [apiKey = '', appKey = ''] = secret.split(':');
      return { 'dd-api-key': apiKey, 'dd-application-key': appKey };
    }
  }
}

export function roleHeaders(vendor: Vendor, role: Role): Record<string, string> {
  const secret = secretFor(vendor, role);
  if (!secret)
    throw new Error(`no ${role} credential for ${vendor}: set CONTRACT_${vendor.toUpperCase()}_${role.toUpperCase()}`);
  return authHeaders(vendor, secret);
}

export function hasRole(vendor: Vendor, role: Role): boolean {
  return secretFor(vendor, role) !== undefined;
}

/** Base URL of a `url` target: `CONTRACT_<VENDOR>_URL`, default a local `pnpm start`. */
export function urlTargetBase(vendor: Vendor): string {
  return process.env[`CONTRACT_${vendor.toUpperCase()}_URL`] ?? `http://127.0.0.1:${defaultUrlPorts[vendor]}`;
}
