import type { Vendor } from '@envspec/specs';
import { defaultServerPorts, demoCredential, vendorCore, type DemoRole } from '@envspec/vendors';

export type Role = DemoRole;

/**
 * The credential secret a suite sends for a role. Defaults are the vendor's documented demo
 * credentials; `CONTRACT_<VENDOR>_<ROLE>` overrides them (e.g. for a staging deployment).
 * Datadog's secret is `<DD-API-KEY>:<DD-APPLICATION-KEY>`.
 */
export function secretFor(vendor: Vendor, role: Role): string | undefined {
  return process.env[roleVariable(vendor, role)] ?? demoCredential(vendor, role)?.secret;
}

/** `CONTRACT_<VENDOR>_<ROLE>`, e.g. `CONTRACT_DATADOG_WRITE_ONLY`. */
function roleVariable(vendor: Vendor, role: Role): string {
  return `CONTRACT_${vendor.toUpperCase()}_${role.toUpperCase().replaceAll('-', '_')}`;
}

/** The request headers that present `secret` in the vendor's scheme. */
export function authHeaders(vendor: Vendor, secret: string): Record<string, string> {
  return vendorCore(vendor).credentials.present(secret);
}

export function roleHeaders(vendor: Vendor, role: Role): Record<string, string> {
  const secret = secretFor(vendor, role);
  if (!secret) throw new Error(`no ${role} credential for ${vendor}: set ${roleVariable(vendor, role)}`);
  return authHeaders(vendor, secret);
}

export function hasRole(vendor: Vendor, role: Role): boolean {
  return secretFor(vendor, role) !== undefined;
}

/** Base URL of a `url` target: `CONTRACT_<VENDOR>_URL`, default a local `pnpm start`. */
export function urlTargetBase(vendor: Vendor): string {
  return process.env[`CONTRACT_${vendor.toUpperCase()}_URL`] ?? `http://127.0.0.1:${defaultServerPorts[vendor]}`;
}
