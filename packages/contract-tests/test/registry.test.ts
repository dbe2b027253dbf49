/** Every vendor has its contract, its contract suite and its parity suite: a vendor missing from any fails here. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { vendorContracts } from '../src/vendors/index.ts';

it.each(vendors)('%s has a contract, a contract suite and a parity suite', (vendor) => {
  expect(vendorContracts[vendor].vendor).toBe(vendor);
  for (const suite of ['contract', 'parity'])
    expect(existsSync(fileURLToPath(new URL(`../src/suites/${vendor}.${suite}.ts`, import.meta.url))), suite).toBe(
      true,
    );
});

it('has no contract for a vendor the specs do not have', () => {
  expect(Object.keys(vendorContracts).sort()).toEqual([...vendors].sort());
});
