import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ClientResults } from './client/bench-client.ts';
import type { ServerResults } from './server/bench-server.ts';
import type { SoakResults } from './soak/bench-soak.ts';
import type { ToolchainResults } from './toolchain/bench-toolchain.ts';

export const sections = ['server', 'soak', 'client', 'toolchain'] as const;
export type Section = (typeof sections)[number];

/** Where and when a section was measured; every results file carries it. */
export interface Machine {
  /** When the `pnpm bench` run that produced the file started (ISO 8601); files of one run share it. */
  runStarted: string;
  /** When this section finished. */
  date: string;
  node: string;
  cpuModel: string;
  cores: number;
  platform: string;
  memoryGiB: number;
  /** 1-minute load average when the section started and ended: other work on the machine skews absolute numbers. */
  loadAverage: { start: number; end: number };
  durationMs: number;
  commit: string | null;
}

export interface SectionResults {
  server: ServerResults;
  soak: SoakResults;
  client: ClientResults;
  toolchain: ToolchainResults;
}

export interface ResultsFile<S extends Section> {
  section: S;
  machine: Machine;
  results: SectionResults[S];
}

export type AllResults = { [S in Section]?: ResultsFile<S> };

function gitCommit(root: string): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return null;
  }
}

/** Describes this machine for a section that started at `started` (from `performance.now()`). */
export function describeMachine(root: string, runStarted: Date, started: number, loadAtStart: number): Machine {
  const cpu = cpus();
  return {
    runStarted: runStarted.toISOString(),
    date: new Date().toISOString(),
    node: process.version,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    platform: `${process.platform} ${process.arch}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    durationMs: performance.now() - started,
    commit: gitCommit(root),
  };
}

export function resultsPath(directory: string, section: Section): string {
  return join(directory, `${section}.json`);
}

export function writeResults<S extends Section>(directory: string, file: ResultsFile<S>): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(resultsPath(directory, file.section), `${JSON.stringify(file, null, 2)}\n`);
}

/** Every section's latest results that exist in `directory`. */
export function readResults(directory: string): AllResults {
  const all: AllResults = {};
  for (const section of sections) {
    const path = resultsPath(directory, section);
    if (existsSync(path)) (all as Record<string, unknown>)[section] = JSON.parse(readFileSync(path, 'utf8'));
  }
  return all;
}
