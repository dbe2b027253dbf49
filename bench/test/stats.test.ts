import { describe, expect, it } from 'vitest';
import { formatSummary, median, pairedRatio, percentile, summarize } from '../src/stats.ts';

describe('median', () => {
  const cases: Array<[string, { given: number[]; want: number }]> = [
    ['one value', { given: [7], want: 7 }],
    ['odd count, unsorted', { given: [3, 1, 2], want: 2 }],
    ['even count: mean of the middle two', { given: [4, 1, 3, 2], want: 2.5 }],
    ['negative values', { given: [-5, -1, -3], want: -3 }],
  ];
  for (const [name, { given, want }] of cases) it(name, () => expect(median(given)).toBe(want));

  it('refuses no values, naming the fix', () => expect(() => median([])).toThrow(/at least one round/));
});

describe('summarize', () => {
  it('reports the median, the range and the spread relative to the median', () => {
    expect(summarize([90, 100, 110])).toEqual({ median: 100, min: 90, max: 110, spread: 0.2, rounds: [90, 100, 110] });
  });
  it('a zero median has zero spread rather than dividing by zero', () => {
    expect(summarize([0, 0]).spread).toBe(0);
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-round ratios', () => {
    // Round 2 was slow for both sides: pairing keeps the ratio at 0.5 in every round.
    expect(pairedRatio([50, 25, 60], [100, 50, 120])).toMatchObject({ median: 0.5, spread: 0 });
  });
  it('pairs as many rounds as both sides have', () => {
    expect(pairedRatio([1, 2, 3], [1, 1]).rounds).toEqual([1, 2]);
  });
  it('refuses an empty side', () => expect(() => pairedRatio([], [1])).toThrow(/at least one round/));
});

describe('percentile', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  const cases: Array<[string, { p: number; want: number }]> = [
    ['p50', { p: 50, want: 50 }],
    ['p99', { p: 99, want: 99 }],
    ['p100 is the maximum', { p: 100, want: 100 }],
    ['p0 is the minimum', { p: 0, want: 1 }],
  ];
  for (const [name, { p, want }] of cases) it(name, () => expect(percentile(samples, p)).toBe(want));
});

describe('formatSummary', () => {
  it('shows the median and half the range as a percentage', () => {
    expect(formatSummary(summarize([90, 100, 110]), 0, ' µs')).toBe('100 µs ±10 %');
  });
});
