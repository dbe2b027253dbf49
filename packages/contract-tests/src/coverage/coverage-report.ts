import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listOperations, loadBundle, type Vendor } from '@envspec/specs';
import { formatTable } from '@envspec/server';
import type { CoverageHit } from './coverage-recorder.ts';

export interface CoverageRow {
  vendor: string;
  operationId: string;
  status: string;
  /** target → exercised */
  targets: Record<string, boolean>;
}

export function readHits(directory: string): CoverageHit[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(directory, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as CoverageHit);
}

/** operation × documented status × target, from the specs and the recorded hits. */
export function buildCoverage(
  vendors: readonly Vendor[],
  targets: readonly string[],
  hits: readonly CoverageHit[],
): CoverageRow[] {
  const seen = new Set(hits.map((hit) => `${hit.target}|${hit.vendor}|${hit.operationId}|${hit.status}`));
  return vendors.flatMap((vendor) =>
    listOperations(loadBundle(vendor)).flatMap(({ operation }) =>
      Object.keys(operation.responses).map((status) => ({
        vendor,
        operationId: operation.operationId,
        status,
        targets: Object.fromEntries(
          targets.map((target) => [target, seen.has(`${target}|${vendor}|${operation.operationId}|${status}`)]),
        ),
      })),
    ),
  );
}

export function formatCoverage(rows: readonly CoverageRow[], targets: readonly string[]): string {
  return formatTable(
    ['vendor', 'operation', 'status', ...targets],
    rows.map((row) => [
      row.vendor,
      row.operationId,
      row.status,
      ...targets.map((target) => (row.targets[target] ? 'yes' : '—')),
    ]),
  );
}
