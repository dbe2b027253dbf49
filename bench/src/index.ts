/** The harness's pure parts, for tools that read `bench/results/*.json` (the benchmark itself runs with `pnpm bench`). */
export { median, summarize, pairedRatio, percentile, formatSummary, type Summary } from './stats.ts';
export { evaluateTargets, informationalRows, checks, type TargetRow, type TargetId } from './targets.ts';
export { renderSection, replaceSection, startMarker, endMarker } from './render.ts';
export { readResults, type AllResults, type ResultsFile, type Machine, type Section } from './results.ts';
