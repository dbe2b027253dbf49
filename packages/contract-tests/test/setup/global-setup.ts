/**
 * Starts the selected targets once for the whole run (CONTRACT_TARGET=mock,server,proxy,url and
 * CONTRACT_VENDORS=qoder,…; stateful ones once per suite, see `suiteKinds`), hands their URLs to
 * the suites, and on teardown stops every process, prints the coverage table and fails the run if
 * the server or an MSW target missed a documented status a client can provoke (every 4xx and 2xx;
 * the examples handlers serve every documented status).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildCoverage, formatCoverage, readHits } from '../../src/coverage/coverage-report.ts';
import { startTargets } from '../../src/targets/start-targets.ts';
import { parseVendors } from '../../src/targets/parse-vendors.ts';
import { parseTargetKinds } from '../../src/targets/target.ts';
import '../../src/suite/provided.ts';

const gatedKinds = ['server', 'msw', 'msw-examples'] as const;

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
    // CONTRACT_REPORT_DIR: elsewhere than the package's reports/, for a run that must not replace that report.
    const reportDir = process.env.CONTRACT_REPORT_DIR ?? join(import.meta.dirname, '..', '..', 'reports');
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(
      join(reportDir, 'contract-coverage.json'),
      `${JSON.stringify({ targets: kinds, vendors, rows }, null, 2)}\n`,
    );
    console.log(
      `\nContract coverage (operation × documented status × target), also in ${relative(process.cwd(), join(reportDir, 'contract-coverage.json'))}:\n\n${formatCoverage(rows, kinds)}\n`,
    );
    // Targets that must answer every documented status: the server and the MSW handlers provoke
    // each for real; the examples handlers serve each on request. A 5xx (Fabro's failed store) is the
    // server's own failure: no request to a healthy server or engine causes it. The server's own tests
    // provoke it with a failing store; here it is listed only.
    const complete = kinds.filter((kind) => (gatedKinds as readonly string[]).includes(kind));
    const provokable = (kind: string, status: string) => kind === 'msw-examples' || Number(status) < 500;
    const missed = complete.flatMap((kind) =>
      rows
        .filter((row) => !row.targets[kind] && provokable(kind, row.status))
        .map((row) => `${kind}: ${row.vendor} ${row.operationId} ${row.status}`),
    );
    if (missed.length > 0) throw new Error(`documented statuses not exercised: ${missed.join(', ')}`);
  };
}
