/**
 * Fabro's byte sizes (`resources.memory`, `resources.disk`), parsed and rendered as its server does
 * (`fabro-types` `settings/size.rs`): a whole number with an optional unit, decimal (`KB` = 1000)
 * or binary (`KiB` = 1024), a bare number being gigabytes; the canonical form is the largest
 * decimal unit that divides the value. BigInt, because Fabro counts in unsigned 64-bit bytes.
 */

const maxBytes = 2n ** 64n - 1n;

const multipliers: Record<string, bigint> = {
  '': 1_000_000_000n,
  B: 1n,
  KB: 1_000n,
  MB: 1_000_000n,
  GB: 1_000_000_000n,
  TB: 1_000_000_000_000n,
  KiB: 1_024n,
  MiB: 1_024n ** 2n,
  GiB: 1_024n ** 3n,
  TiB: 1_024n ** 4n,
};

const renderUnits: Array<[string, bigint]> = [
  ['TB', 1_000_000_000_000n],
  ['GB', 1_000_000_000n],
  ['MB', 1_000_000n],
  ['KB', 1_000n],
];

/** A size Fabro accepts, or why not (in Fabro's words). */
export type ParsedSize = { bytes: bigint } | { problem: string };

/** Parses a size as Fabro does: surrounding space is ignored, so is space between the number and its unit. */
export function parseSize(input: string): ParsedSize {
  const quoted = JSON.stringify(input);
  const trimmed = input.trim();
  if (trimmed === '') return { problem: 'size value is empty' };
  if (trimmed.includes('.'))
    return { problem: `size ${quoted}: fractional values are not supported in the first pass` };
  const split = trimmed.search(/[^0-9]/);
  if (split === 0) return { problem: `size ${quoted}: numeric portion is not a non-negative integer` };
  const digits = split === -1 ? trimmed : trimmed.slice(0, split);
  const unit = split === -1 ? '' : trimmed.slice(split).trim();
  const multiplier = multipliers[unit];
  const number = BigInt(digits);
  if (number > maxBytes) return { problem: `size ${quoted}: numeric portion is not a non-negative integer` };
  if (multiplier === undefined) {
    return {
      problem: `size ${quoted}: unknown unit ${JSON.stringify(unit)} (expected one of B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)`,
    };
  }
  const bytes = number * multiplier;
  if (bytes > maxBytes) return { problem: `size ${quoted}: value overflows u64 bytes` };
  return { bytes };
}

/** The canonical rendering: `4GiB` is `4294967296B`, `4000MB` is `4GB`, zero is `0B`. */
export function renderSize(bytes: bigint): string {
  if (bytes === 0n) return '0B';
  for (const [unit, size] of renderUnits) if (bytes % size === 0n) return `${bytes / size}${unit}`;
  return `${bytes}B`;
}
