/** Pure statistics over the rounds of one measurement: the median and how far the rounds spread. */

export interface Summary {
  /** The middle round (mean of the two middle ones for an even count). */
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: 0.05 means the rounds differ by 5 % of the median. */
  spread: number;
  /** Every round, in the order measured. */
  rounds: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values: measure at least one round');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(rounds: readonly number[]): Summary {
  const value = median(rounds);
  const min = Math.min(...rounds);
  const max = Math.max(...rounds);
  return { median: value, min, max, spread: value === 0 ? 0 : (max - min) / Math.abs(value), rounds: [...rounds] };
}

/**
 * The ratio of two summaries' medians with its range over the rounds, when rounds pair up (round i of
 * `a` ran right after round i of `b`): the median of the per-round ratios, so a slow moment of the
 * machine hits both sides of one pair rather than one side of the ratio.
 */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): Summary {
  const count = Math.min(numerator.length, denominator.length);
  if (count === 0) throw new Error('a ratio needs at least one round on each side');
  const ratios = Array.from({ length: count }, (_, i) => numerator[i]! / denominator[i]!);
  return summarize(ratios);
}

/** A percentile (0–100) by nearest rank over raw samples, for timings collected in-process. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** `12.3 ±4 %` style: the median with the spread of the rounds, for tables and logs. */
export function formatSummary(summary: Summary, digits = 1, unit = ''): string {
  return `${summary.median.toFixed(digits)}${unit} ±${Math.round((summary.spread * 100) / 2)} %`;
}
