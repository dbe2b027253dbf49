/**
 * Starts the selected targets once for the whole run (CONTRACT_TARGET=mock,server,proxy,url and
 * CONTRACT_VENDORS=qoder,…), hands their URLs to the suites, and on teardown stops every process,
 * prints the coverage table and fails the run if the server or an MSW target missed a documented status.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { isVendor, vendors as allVendors, type Vendor } from '@envspec/specs';
import { buildCoverage, formatCoverage, readHits } from '../../src/coverage/coverage-report.ts';
import { startTargets } from '../../src/targets/start-targets.ts';
import { parseTargetKinds } from '../../src/targets/target.ts';
import '../../src/suite/provided.ts';

const gatedKinds = ['server', 'msw', 'msw-examples'] as const;

function parseVendors(value: string | undefined): Vendor[] {
  if (!value) return [...allVendors];
  const selected = value.split(',').map((vendor) => vendor.trim());
  for (const vendor of selected)
    if (!isVendor(vendor)) throw new Error(`unknown vendor '${vendor}' in CONTRACT_VENDORS`);
  return selected as Vendor[];
}

export default async function setup(project: TestProject) {
  const kinds = parseTargetKinds(process.env.CONTRACT_TARGET);
  const vendors = parseVendors(process.env.CONTRACT_VENDORS);
  const coverageDir = mkdtempSync(join(tmpdir(), 'envspec-contract-'));
  const running = await startTargets(kinds, vendors);
  project.provide('endpoints', running.endpoints);
  project.provide('coverageDir', coverageDir);
  project.provide('vendors', vendors);

  return async () => {
    await running.stop();
    const rows = buildCoverage(vendors, kinds, readHits(coverageDir));
    rmSync(coverageDir, { recursive: true, force: true });
    const reportDir = join(import.meta.dirname, '..', '..', 'reports');
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(
      join(reportDir, 'contract-coverage.json'),
      `${JSON.stringify({ targets: kinds, vendors, rows }, null, 2)}\n`,
    );
    console.log(
      `\nContract coverage (operation × documented status × target), also in reports/contract-coverage.json:\n\n${formatCoverage(rows, kinds)}\n`,
    );
    // Targets that must answer every documented status: the server and the MSW handlers provoke
    // each for real; the examples handlers serve each on request.
    const complete = kinds.filter((kind) => (gatedKinds as readonly string[]).includes(kind));
    const missed = complete.flatMap((kind) =>
      rows.filter((row) => !row.targets[kind]).map((row) => `${kind}: ${row.vendor} ${row.operationId} ${row.status}`),
    );
    if (missed.length > 0) throw new Error(`documented statuses not exercised: ${missed.join(', ')}`);
  };
}
