import { defineConfig } from 'vitest/config';

// CONTRACT_VENDORS narrows the run to those vendors' suites (and the targets started for them).
const vendors = process.env.CONTRACT_VENDORS?.split(',')
  .map((vendor) => vendor.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    include: vendors ? vendors.map((vendor) => `test/**/${vendor}.*.test.ts`) : ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each vendor's files own that vendor's state; files for different vendors run side by side.
    fileParallelism: true,
  },
});
