import { describe, expect, it } from 'vitest';
import { parseDuration, renderDuration } from '../../src/fabro/duration.ts';
import { parseSize, renderSize } from '../../src/fabro/size.ts';

const canonicalSize = (input: string) => {
  const parsed = parseSize(input);
  return 'bytes' in parsed ? renderSize(parsed.bytes) : parsed.problem;
};
const canonicalDuration = (input: string) => {
  const parsed = parseDuration(input);
  return 'milliseconds' in parsed ? renderDuration(parsed.milliseconds) : parsed.problem;
};

describe('fabro sizes, as its server parses and renders them', () => {
  it.each([
    ['4GB', '4GB'],
    ['4GiB', '4294967296B'],
    ['512MiB', '536870912B'],
    ['4000MB', '4GB'],
    ['1500KB', '1500KB'],
    ['2TB', '2TB'],
    ['1TiB', '1099511627776B'],
    ['8', '8GB'],
    [' 8 GB ', '8GB'],
    ['0', '0B'],
    ['0KiB', '0B'],
    ['007MB', '7MB'],
    ['18446744073709551615B', '18446744073709551615B'],
    ['18446744073709551615', 'size "18446744073709551615": value overflows u64 bytes'],
    ['18446744073709551616B', 'size "18446744073709551616B": numeric portion is not a non-negative integer'],
    ['20000000TiB', 'size "20000000TiB": value overflows u64 bytes'],
    ['4.5GB', 'size "4.5GB": fractional values are not supported in the first pass'],
    ['4Gi', 'size "4Gi": unknown unit "Gi" (expected one of B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)'],
    ['GB', 'size "GB": numeric portion is not a non-negative integer'],
    ['  ', 'size value is empty'],
  ])('%j is %j', (input, want) => {
    expect(canonicalSize(input)).toBe(want);
  });
});

describe('fabro durations, as its server parses and renders them', () => {
  it.each([
    ['30m', '30m'],
    ['120m', '2h'],
    ['90m', '90m'],
    ['48h', '2d'],
    ['3600s', '1h'],
    ['1500ms', '1500ms'],
    ['2000ms', '2s'],
    ['0m', '0s'],
    [' 5s ', '5s'],
    // The seconds saturate at u64::MAX, which is a whole number of seconds but of no larger unit.
    ['18446744073709551615d', '18446744073709551615s'],
    ['18446744073709551616s', 'duration "18446744073709551616s": numeric portion is not a non-negative integer'],
    ['1h30m', 'duration "1h30m": composed values like 1h30m are not supported; use the smallest needed unit instead'],
    ['30', 'duration "30": missing unit suffix (expected one of ms, s, m, h, d)'],
    ['m', 'duration "m": missing unit suffix (expected one of ms, s, m, h, d)'],
    ['5 m', 'duration "5 m": unknown unit " m" (expected one of ms, s, m, h, d)'],
    ['2w', 'duration "2w": unknown unit "w" (expected one of ms, s, m, h, d)'],
    ['', 'duration value is empty'],
  ])('%j is %j', (input, want) => {
    expect(canonicalDuration(input)).toBe(want);
  });
});
