import type { RateLimitState } from '../rate-limit/rate-limiter.ts';

/** The limit every call of this API counts against, as Datadog names it in `X-RateLimit-Name`. */
export const datadogRateLimitName = 'feature_flags_environments';

/**
 * Datadog's rate-limit headers, sent on every response that counts against a limit (not only on
 * 429), all in whole seconds: the spec declares Period at least 1 and Reset at least 0.
 */
export function datadogRateLimitHeaders(state: RateLimitState, now: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Period': String(Math.max(1, Math.ceil(state.windowMs / 1000))),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(Math.max(0, Math.ceil((state.resetAt - now) / 1000))),
    'X-RateLimit-Name': datadogRateLimitName,
  };
}
