/**
 * How long a rate-limited (or unavailable) response asks the caller to wait, read from its headers.
 * Shared by the typed 429 errors and the retry middleware.
 */

/**
 * What the number in `X-RateLimit-Reset` means. Datadog sends seconds until the window resets,
 * LaunchDarkly the epoch time in milliseconds when it resets; `auto` tells them apart by size.
 */
export type RateLimitResetUnit = 'auto' | 'delta-seconds' | 'epoch-seconds' | 'epoch-ms';

/** Values at or above this are epoch milliseconds (year 1973 onwards); below, epoch seconds or a delta. */
const epochMsThreshold = 1e11;
/** Values at or above this are epoch seconds (year 2001 onwards); below, seconds from now. */
const epochSecondsThreshold = 1e9;

function parseNonNegativeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** `Retry-After` in milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const seconds = parseNonNegativeNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  // Every HTTP-date names its day or month; this keeps `Date.parse` from reading '-5' as a year.
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `X-RateLimit-Reset` (any capitalisation) in milliseconds from `now`. */
export function parseRateLimitReset(
  value: string | null,
  now: number,
  unit: RateLimitResetUnit = 'auto',
): number | undefined {
  const number = parseNonNegativeNumber(value);
  if (number === undefined) return undefined;
  const resolved =
    unit !== 'auto'
      ? unit
      : number >= epochMsThreshold
        ? 'epoch-ms'
        : number >= epochSecondsThreshold
          ? 'epoch-seconds'
          : 'delta-seconds';
  switch (resolved) {
    case 'epoch-ms':
      return Math.max(0, number - now);
    case 'epoch-seconds':
      return Math.max(0, number * 1000 - now);
    case 'delta-seconds':
      return number * 1000;
  }
}

/**
 * The wait a response asks for, in milliseconds: `Retry-After` when present (the standard header),
 * otherwise `X-RateLimit-Reset`; undefined when it names none.
 */
export function retryDelayFromHeaders(
  headers: Headers,
  now: number,
  unit: RateLimitResetUnit = 'auto',
): number | undefined {
  return (
    parseRetryAfter(headers.get('retry-after'), now) ?? parseRateLimitReset(headers.get('x-ratelimit-reset'), now, unit)
  );
}

/** What a 429 error tells about the rate limit. */
export interface RateLimit {
  /** How long the server asks to wait before retrying, in milliseconds; undefined when it does not say. */
  retryAfterMs: number | undefined;
}

/** Narrows `rateLimit` by status: present on a 429 error, undefined on every other. */
export type RateLimitFor<Status, Info extends RateLimit = RateLimit> = Status extends 429
  ? { readonly rateLimit: Info }
  : { readonly rateLimit: undefined };
