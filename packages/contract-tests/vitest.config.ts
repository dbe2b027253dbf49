import { defineConfig } from 'vitest/config';

// CONTRACT_VENDORS narrows the run to those vendors' suites (and the targets started for them).
const vendors = process.env.CONTRACT_VENDORS?.split(',')
  .map((vendor) => vendor.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    // The suites in src/suites/ are what `envspec contract` runs (src/run/run-contracts.ts); test/
    // holds what only this repo runs: the official vendor clients and the registry check.
    include: vendors
      ? vendors.flatMap((vendor) => [`src/suites/${vendor}.*.ts`, `test/**/${vendor}.*.test.ts`])
      : ['src/suites/*.ts', 'test/**/*.test.ts'],
    globalSetup: ['src/run/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each vendor's files own that vendor's state; files for different vendors run side by side.
    fileParallelism: true,
  },
});
