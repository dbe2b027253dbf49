import type { RateLimitState } from './rate-limiter.ts';

/** Whole seconds until the window resets, at least 1 (what `Retry-After` and the 429 message say). */
export function retryAfterSeconds(state: RateLimitState, now: number): number {
  return Math.max(1, Math.ceil((state.resetAt - now) / 1000));
}

/** `Retry-After` alone: the rate-limit header of vendors that document no other. */
export function retryAfterHeaders(state: RateLimitState, now: number): Record<string, string> {
  return { 'Retry-After': String(retryAfterSeconds(state, now)) };
}
