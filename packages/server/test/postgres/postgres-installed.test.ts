/**
 * The PostgreSQL tests need the server binaries; without them this fails (never skips) and says
 * how to install them, so a machine without PostgreSQL cannot pass `pnpm test` by accident.
 */
import { expect, it } from 'vitest';
import { findPostgresBinaries } from '@envspec/testkit';

it('PostgreSQL server binaries are installed (bash .ci/run installs Debian’s postgresql when missing)', () => {
  expect(findPostgresBinaries()).toMatch(/\/bin$/);
});
