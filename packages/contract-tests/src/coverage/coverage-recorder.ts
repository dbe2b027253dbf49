import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CoverageHit {
  target: string;
  vendor: string;
  operationId: string;
  status: number;
}

/** Appends each exercised (target, vendor, operation, status) as a JSON line, one file per worker. */
export class CoverageRecorder {
  private readonly file: string | undefined;

  constructor(directory: string | undefined) {
    if (!directory) return;
    mkdirSync(directory, { recursive: true });
    this.file = join(directory, `hits-${process.pid}.jsonl`);
  }

  record(hit: CoverageHit): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(hit)}\n`);
  }
}
