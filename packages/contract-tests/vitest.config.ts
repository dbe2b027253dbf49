import { defineConfig } from 'vitest/config';
import { isolationOf, parseTargetKinds } from './src/targets/target.ts';

// CONTRACT_VENDORS narrows the run to those vendors' suites (and the targets started for them).
const vendors = process.env.CONTRACT_VENDORS?.split(',')
  .map((vendor) => vendor.trim())
  .filter(Boolean);

// Every stateful target serves one suite (one file per vendor) or one file, so files run side by side
// with any number of workers. A `url` target is one deployment every suite writes to: files take turns then.
const sharedState = parseTargetKinds(process.env.CONTRACT_TARGET).some((kind) => isolationOf(kind) === 'shared');

export default defineConfig({
  test: {
    include: vendors ? vendors.map((vendor) => `test/**/${vendor}.*.test.ts`) : ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: !sharedState,
    // Six workers whatever the cores, so every run (CI's `pnpm test` included) has each file beside the
    // others and would show a suite leaking state into another; on 2 cores the default is one worker,
    // which hid exactly that race.
    maxWorkers: 6,
  },
});
