/**
 * The registry is complete and consistent: a vendor missing from it (or from any table derived
 * from it) fails here, as does a core whose operations do not match its spec's.
 */
import { describe, expect, it } from 'vitest';
import { bundleOf, listOperations, vendors } from '@envspec/specs';
import {
  credentialHeaderNames,
  defaultMockPorts,
  defaultServerPorts,
  mapVendors,
  vendorCore,
  vendorCores,
  vendorOptionEntries,
  vendorOptionValues,
} from '../src/registry.ts';

describe('the vendor registry', () => {
  it('has one core per vendor, each under its own name', () => {
    expect(Object.keys(vendorCores).sort()).toEqual([...vendors].sort());
    for (const vendor of vendors) expect(vendorCore(vendor).vendor).toBe(vendor);
  });

  it.each([
    ['defaultMockPorts', defaultMockPorts],
    ['defaultServerPorts', defaultServerPorts],
    ['a table built with mapVendors', mapVendors((vendor) => vendor.length)],
  ])('%s covers every vendor', (_name, table) => {
    expect(Object.keys(table).sort()).toEqual([...vendors].sort());
  });

  it('gives every vendor its own ports, the server 1000 below the mock', () => {
    expect(new Set(Object.values(defaultMockPorts)).size).toBe(vendors.length);
    for (const vendor of vendors) expect(defaultServerPorts[vendor]).toBe(defaultMockPorts[vendor] - 1000);
    expect(defaultMockPorts).toEqual({ qoder: 4010, fabro: 4011, datadog: 4012, launchdarkly: 4013 });
  });

  it.each(vendors)('%s: the core has semantics for exactly the operations its spec documents', (vendor) => {
    const document = bundleOf(vendor);
    const documented = listOperations(document).map(({ operation }) => operation.operationId);
    expect(Object.keys(vendorCore(vendor).operations(document)).sort()).toEqual(documented.sort());
  });

  it.each(vendors)('%s: its fixtures come from the spec and its demo credentials have unique ids', (vendor) => {
    const core = vendorCore(vendor);
    const fixtures = core.fixtures(bundleOf(vendor));
    expect(fixtures.length).toBeGreaterThan(0);
    expect(new Set(fixtures.map(([key]) => key)).size).toBe(fixtures.length);
    const ids = core.credentials.demo.map((credential) => credential.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith(`${vendor}-demo-`))).toBe(true);
  });

  it('redacts every header a vendor takes a credential in', () => {
    expect([...credentialHeaderNames].sort()).toEqual(['authorization', 'dd-api-key', 'dd-application-key']);
  });

  it("lists each vendor's own options, with values defaulting to the vendor's", () => {
    expect(vendorOptionEntries.map(({ vendor, name, option }) => [vendor, name, option.flag])).toEqual([
      ['launchdarkly', 'maxPatchOperations', 'max-patch-operations'],
    ]);
    expect(vendorOptionValues('launchdarkly')).toEqual({ maxPatchOperations: 100 });
    expect(vendorOptionValues('launchdarkly', { maxPatchOperations: 7 })).toEqual({ maxPatchOperations: 7 });
    expect(vendorOptionValues('qoder', { maxPatchOperations: 7 })).toEqual({});
  });
});
