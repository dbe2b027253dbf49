import { describe, expect, it } from 'vitest';
import { checkInjectionOptions, injectionFor, randomSource } from '../../src/http/injection.ts';
import { vendorErrors } from '../../src/vendor/vendor-errors.ts';

const defaults = checkInjectionOptions({ delayMs: 100, errorRate: 0.5, errorStatus: 503 });
const errors = vendorErrors('launchdarkly');

describe('injectionFor', () => {
  it.each<[string, Record<string, string>, object | RegExp]>([
    ['run-wide defaults', {}, { delayMs: 100, errorRate: 0.5, errorStatus: 503 }],
    [
      'per-request overrides',
      { 'x-mock-delay': '0', 'x-mock-error-rate': '1', 'x-mock-error-status': '429' },
      { delayMs: 0, errorRate: 1, errorStatus: 429 },
    ],
    ['a delay that is not a number', { 'x-mock-delay': 'soon' }, /X-Mock-Delay must be milliseconds/],
    ['a rate above 1', { 'x-mock-error-rate': '2' }, /X-Mock-Error-Rate must be a share/],
    ['a success status', { 'x-mock-error-status': '200' }, /X-Mock-Error-Status must be an HTTP error status/],
  ])('%s', (_name, headers, want) => {
    if (want instanceof RegExp) expect(() => injectionFor(headers, defaults, errors)).toThrow(want);
    else expect(injectionFor(headers, defaults, errors)).toEqual(want);
  });

  it('refuses bad run-wide options at start-up', () => {
    expect(() => checkInjectionOptions({ errorRate: -1 })).toThrow(/error rate/);
    expect(() => checkInjectionOptions({ delayMs: 1.5 })).toThrow(/delay/);
  });
});

describe('randomSource', () => {
  it('repeats for a seed', () => {
    const [left, right] = [randomSource('s'), randomSource('s')];
    const draws = Array.from({ length: 5 }, () => [left(), right()]);
    for (const [a, b] of draws) expect(a).toBe(b);
    expect(new Set(draws.map(([a]) => a)).size).toBe(5);
  });
});
