import { vendors, type Vendor } from '@envspec/specs';
import { datadogCore } from './datadog/datadog-core.ts';
import { fabroCore } from './fabro/fabro-core.ts';
import { launchDarklyCore } from './launchdarkly/launchdarkly-core.ts';
import { qoderCore } from './qoder/qoder-core.ts';
import type { Access, Credential } from './credentials/credential.ts';
import type { AnyVendorCore, VendorOption } from './vendor-core.ts';

/**
 * Every vendor's core, one line each. `satisfies` makes a missing vendor (or a core that does not
 * fit) a compile error, and keeps each core's own resource type for callers that name the vendor.
 */
export const vendorCores = {
  qoder: qoderCore,
  fabro: fabroCore,
  datadog: datadogCore,
  launchdarkly: launchDarklyCore,
} satisfies Record<Vendor, AnyVendorCore>;

/** A vendor's core, as code that treats every vendor alike sees it. */
export function vendorCore(vendor: Vendor): AnyVendorCore {
  return vendorCores[vendor];
}

function coversEveryVendor<T>(picked: Partial<Record<Vendor, T>>): picked is Record<Vendor, T> {
  return vendors.every((vendor) => Object.hasOwn(picked, vendor));
}

/** A per-vendor table derived from the registry (ports, names, …), so no such table lists vendors itself. */
export function mapVendors<T>(pick: (vendor: Vendor) => T): Record<Vendor, T> {
  const picked: Partial<Record<Vendor, T>> = {};
  for (const vendor of vendors) picked[vendor] = pick(vendor);
  if (!coversEveryVendor(picked)) throw new Error('a vendor is missing from the table');
  return picked;
}

/** Fixed default mock ports (4010–4013), so frontend configs can hard-code them. */
export const defaultMockPorts: Readonly<Record<Vendor, number>> = mapVendors((vendor) => vendorCore(vendor).ports.mock);

/** Default reference-server ports: the mock's port minus 1000 (mock 4010 ↔ server 3010). */
export const defaultServerPorts: Readonly<Record<Vendor, number>> = mapVendors(
  (vendor) => vendorCore(vendor).ports.server,
);

/** Every request header that carries a credential for some vendor, lower case (what logs must redact). */
export const credentialHeaderNames: readonly string[] = [
  ...new Set(vendors.flatMap((vendor) => vendorCore(vendor).credentials.headerNames)),
];

/** The name of any vendor's own option (`maxPatchOperations`). */
export type VendorOptionName = {
  [V in Vendor]: keyof (typeof vendorCores)[V]['options'] & string;
}[Vendor];

/** One vendor option, with whose it is. */
export interface VendorOptionEntry {
  vendor: Vendor;
  name: VendorOptionName;
  option: VendorOption;
}

function isVendorOptionName(name: string): name is VendorOptionName {
  return vendors.some((vendor) => Object.hasOwn(vendorCore(vendor).options, name));
}

/** Every vendor's options, for a server's flags and `--help`. */
export const vendorOptionEntries: readonly VendorOptionEntry[] = vendors.flatMap((vendor) =>
  Object.entries(vendorCore(vendor).options).flatMap(([name, option]) =>
    isVendorOptionName(name) ? [{ vendor, name, option }] : [],
  ),
);

/** A vendor's option values: its defaults, with any of `overrides` that are its own. */
export function vendorOptionValues(
  vendor: Vendor,
  overrides: Partial<Record<VendorOptionName, number>> = {},
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(vendorCore(vendor).options).map(([name, option]) => [
      name,
      (isVendorOptionName(name) ? overrides[name] : undefined) ?? option.default,
    ]),
  );
}

/** What a demo credential is for: writing, reading only, writing but not reading, or writing under a small rate limit. */
export type DemoRole = Access | 'throttled';

/**
 * The vendor's demo credential for a role (read: read-only; write: reads and writes; write-only:
 * writes, refused a read; none of them with a rate limit of its own), if the vendor has one.
 */
export function demoCredential(vendor: Vendor, role: DemoRole): Credential | undefined {
  const demo = vendorCore(vendor).credentials.demo;
  return role === 'throttled'
    ? demo.find((credential) => credential.rateLimit)
    : demo.find((credential) => credential.access === role && !credential.rateLimit);
}

/** The headers presenting `secret` (default the unthrottled write demo credential) in the vendor's scheme. */
export function credentialHeaders(
  vendor: Vendor,
  secret = demoCredential(vendor, 'write')?.secret,
): Record<string, string> {
  if (secret === undefined) throw new Error(`${vendor} has no write demo credential`);
  return vendorCore(vendor).credentials.present(secret);
}
