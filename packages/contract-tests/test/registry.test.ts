/** Every vendor has its contract, its suite files and its parity file: a vendor missing from any fails here. */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { vendors } from '@envspec/specs';
import { suites } from '../src/targets/target.ts';
import { vendorContracts } from '../src/vendors/index.ts';

it.each(vendors)('%s has a contract, a contract suite and a parity suite', (vendor) => {
  expect(vendorContracts[vendor].vendor).toBe(vendor);
  for (const suite of ['contract', 'parity'])
    expect(existsSync(fileURLToPath(new URL(`./${vendor}.${suite}.test.ts`, import.meta.url))), suite).toBe(true);
});

it('has no contract for a vendor the specs do not have', () => {
  expect(Object.keys(vendorContracts).sort()).toEqual([...vendors].sort());
});

it('names each suite file after a suite that has targets of its own', () => {
  // A file outside `suiteKinds` would get no endpoints of its own and be tempted to share another suite's.
  const files = readdirSync(fileURLToPath(new URL('.', import.meta.url))).filter(
    (file) => file.endsWith('.test.ts') && file !== 'registry.test.ts',
  );
  const unknown = files.filter((file) => {
    const [vendor, suite] = file.split('.');
    return !(vendors as readonly string[]).includes(vendor!) || !(suites as readonly string[]).includes(suite!);
  });
  expect(unknown).toEqual([]);
});
