export { retry, type RetryEvent, type RetryOptions } from './retry-middleware.ts';
export { systemClock, type RetryClock } from './clock.ts';
export { TimeoutError } from './timeout-error.ts';
export { backoffDelay } from './backoff.ts';
export { idempotent } from '../http/idempotent.ts';
export {
  parseRateLimitReset,
  parseRetryAfter,
  retryDelayFromHeaders,
  type RateLimitResetUnit,
} from '../http/rate-limit.ts';
