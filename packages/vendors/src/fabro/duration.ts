/**
 * Fabro's durations (`lifecycle.auto_stop`), parsed and rendered as its server does (`fabro-types`
 * `settings/duration.rs`): a whole number and one unit (`ms`, `s`, `m`, `h`, `d`; `1h30m` is
 * refused); the canonical form is the largest unit that divides the value. BigInt, because Fabro
 * reads an unsigned 64-bit number and saturates the seconds at that bound.
 */

const maxU64 = 2n ** 64n - 1n;

const secondsPerUnit: Record<string, bigint> = { s: 1n, m: 60n, h: 3_600n, d: 86_400n };

const renderUnits: Array<[string, bigint]> = [
  ['d', 86_400_000n],
  ['h', 3_600_000n],
  ['m', 60_000n],
  ['s', 1_000n],
];

/** A duration Fabro accepts, in milliseconds, or why not (in Fabro's words). */
export type ParsedDuration = { milliseconds: bigint } | { problem: string };

export function parseDuration(input: string): ParsedDuration {
  const quoted = JSON.stringify(input);
  const trimmed = input.trim();
  if (trimmed === '') return { problem: 'duration value is empty' };
  const split = trimmed.search(/[^0-9]/);
  if (split <= 0) return { problem: `duration ${quoted}: missing unit suffix (expected one of ms, s, m, h, d)` };
  const digits = trimmed.slice(0, split);
  const unit = trimmed.slice(split);
  if (/[0-9]/.test(unit)) {
    return {
      problem: `duration ${quoted}: composed values like 1h30m are not supported; use the smallest needed unit instead`,
    };
  }
  const number = BigInt(digits);
  if (number > maxU64) return { problem: `duration ${quoted}: numeric portion is not a non-negative integer` };
  if (unit === 'ms') return { milliseconds: number };
  const perUnit = secondsPerUnit[unit];
  if (perUnit === undefined) {
    return { problem: `duration ${quoted}: unknown unit ${JSON.stringify(unit)} (expected one of ms, s, m, h, d)` };
  }
  const seconds = number * perUnit;
  return { milliseconds: (seconds > maxU64 ? maxU64 : seconds) * 1_000n };
}

/** The canonical rendering: `120m` is `2h`, `90m` stays `90m`, zero is `0s`. */
export function renderDuration(milliseconds: bigint): string {
  if (milliseconds === 0n) return '0s';
  for (const [unit, size] of renderUnits) if (milliseconds % size === 0n) return `${milliseconds / size}${unit}`;
  return `${milliseconds}ms`;
}
