import { describe, expect, it } from 'vitest';
import {
  parseRateLimitReset,
  parseRetryAfter,
  retryDelayFromHeaders,
  type RateLimitResetUnit,
} from '../../src/http/rate-limit.ts';
import { backoffDelay } from '../../src/retry/backoff.ts';

const now = Date.UTC(2030, 0, 1);

describe('parseRetryAfter', () => {
  const cases: Array<[string, { value: string | null; want: number | undefined }]> = [
    ['delay-seconds', { value: '30', want: 30_000 }],
    ['zero', { value: '0', want: 0 }],
    ['fractional seconds', { value: '1.5', want: 1_500 }],
    ['an HTTP-date', { value: new Date(now + 12_000).toUTCString(), want: 12_000 }],
    ['an HTTP-date in the past', { value: new Date(now - 12_000).toUTCString(), want: 0 }],
    ['absent', { value: null, want: undefined }],
    ['garbage', { value: 'soon', want: undefined }],
    ['negative', { value: '-5', want: undefined }],
  ];
  it.each(cases)('%s', (_, { value, want }) => expect(parseRetryAfter(value, now)).toBe(want));
});

describe('parseRateLimitReset', () => {
  const cases: Array<[string, { value: string; unit?: RateLimitResetUnit; want: number | undefined }]> = [
    ['auto: small numbers are seconds from now (Datadog)', { value: '42', want: 42_000 }],
    ['auto: epoch milliseconds (LaunchDarkly)', { value: String(now + 2_500), want: 2_500 }],
    ['auto: epoch seconds', { value: String(now / 1000 + 9), want: 9_000 }],
    ['auto: a reset in the past is no wait', { value: String(now - 2_500), want: 0 }],
    ['explicit epoch-ms', { value: String(now + 100), unit: 'epoch-ms', want: 100 }],
    ['explicit delta-seconds even when large', { value: '1000000000', unit: 'delta-seconds', want: 1e12 }],
    ['garbage', { value: 'later', want: undefined }],
  ];
  it.each(cases)('%s', (_, { value, unit, want }) => expect(parseRateLimitReset(value, now, unit)).toBe(want));
});

describe('retryDelayFromHeaders', () => {
  const cases: Array<[string, { headers: Record<string, string>; want: number | undefined }]> = [
    [
      'Retry-After wins over X-RateLimit-Reset',
      { headers: { 'Retry-After': '1', 'X-RateLimit-Reset': '50' }, want: 1_000 },
    ],
    ['X-RateLimit-Reset alone', { headers: { 'x-ratelimit-reset': '50' }, want: 50_000 }],
    [
      'a malformed Retry-After falls back to X-RateLimit-Reset',
      { headers: { 'Retry-After': 'x', 'X-RateLimit-Reset': '3' }, want: 3_000 },
    ],
    ['neither', { headers: {}, want: undefined }],
  ];
  it.each(cases)('%s', (_, { headers, want }) => expect(retryDelayFromHeaders(new Headers(headers), now)).toBe(want));
});

describe('backoffDelay', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
  const cases: Array<[string, { retry: number; random: number; want: number }]> = [
    ['first retry, full ceiling', { retry: 1, random: 1, want: 100 }],
    ['doubles', { retry: 3, random: 1, want: 400 }],
    ['capped', { retry: 10, random: 1, want: 1_000 }],
    ['jittered', { retry: 3, random: 0.25, want: 100 }],
    ['no wait at random 0', { retry: 2, random: 0, want: 0 }],
  ];
  it.each(cases)('%s', (_, { retry, random, want }) =>
    expect(backoffDelay(retry, { ...policy, random: () => random })).toBe(want),
  );
});
