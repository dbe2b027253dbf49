import type { Middleware } from 'openapi-fetch';
import { isMarkedIdempotent } from '../http/idempotent.ts';
import { retryDelayFromHeaders, type RateLimitResetUnit } from '../http/rate-limit.ts';
import { anySignal } from './any-signal.ts';
import { backoffDelay } from './backoff.ts';
import { systemClock, type RetryClock } from './clock.ts';
import { TimeoutError } from './timeout-error.ts';

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff ceiling; doubles each retry. Default 250 ms. */
  baseDelayMs?: number;
  /** Largest backoff ceiling. Default 10 s. */
  maxDelayMs?: number;
  /**
   * Longest wait a `Retry-After` / `X-RateLimit-Reset` may ask for; a response asking for more is
   * returned to the caller instead of waited out. Default 60 s.
   */
  maxRetryAfterMs?: number;
  /** Statuses worth retrying. Default 429, 500, 502, 503, 504. */
  statuses?: readonly number[];
  /**
   * Methods safe to repeat. Default GET, HEAD, OPTIONS, PUT, DELETE: a POST or PATCH is never
   * retried unless listed here or sent with the `idempotent` per-request middleware.
   */
  idempotentMethods?: readonly string[];
  /** Time allowed for each attempt, response body included; a timed-out attempt counts as a network error. */
  timeoutMs?: number;
  /** What `X-RateLimit-Reset` holds (`auto` tells seconds-from-now from epoch seconds / milliseconds). */
  rateLimitReset?: RateLimitResetUnit;
  /** Called before each wait. */
  onRetry?: (event: RetryEvent) => void;
  /** Time source; defaults to the system clock. */
  clock?: RetryClock;
  /** Jitter source in [0, 1); defaults to Math.random. */
  random?: () => number;
}

export interface RetryEvent {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  request: Request;
  /** The status that caused the retry, or undefined after a network error or timeout. */
  status: number | undefined;
  /** The network error or TimeoutError that caused the retry. */
  error: unknown;
}

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

interface Attempt {
  request: Request;
  /** Aborted with a TimeoutError when the attempt runs out of time. */
  timeout: AbortController;
  /** Stops the attempt's timer. */
  done: AbortController;
}

interface RequestState {
  /** The request as the middleware received it; never sent, cloned for every attempt. */
  template: Request;
  /** The caller's signal. */
  signal: AbortSignal;
  attempt: Attempt;
}

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const defaultStatuses = [429, 500, 502, 503, 504];
const defaultIdempotentMethods = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`retry: ${name} must be a finite number of at least 0, got ${value}`);
  return value;
}

/**
 * Opt-in retry middleware for any openapi-fetch client (register it last: `client.use(retry())`).
 *
 * - 429 and 503 wait what `Retry-After` or `X-RateLimit-Reset` ask (Datadog's seconds, LaunchDarkly's
 *   epoch milliseconds), up to `maxRetryAfterMs`; other retryable statuses, network errors and
 *   timeouts back off exponentially with full jitter.
 * - Only idempotent methods are retried unless told otherwise.
 * - The caller's `AbortSignal` cancels the attempt in flight and any wait; `timeoutMs` bounds each attempt.
 */
export function retry(options: RetryOptions = {}): Middleware {
  const retries = nonNegative('retries', options.retries ?? 2);
  const baseDelayMs = nonNegative('baseDelayMs', options.baseDelayMs ?? 250);
  const maxDelayMs = nonNegative('maxDelayMs', options.maxDelayMs ?? 10_000);
  const maxRetryAfterMs = nonNegative('maxRetryAfterMs', options.maxRetryAfterMs ?? 60_000);
  const timeoutMs = options.timeoutMs === undefined ? undefined : nonNegative('timeoutMs', options.timeoutMs);
  const statuses = new Set(options.statuses ?? defaultStatuses);
  const idempotentMethods = new Set(
    (options.idempotentMethods ?? defaultIdempotentMethods).map((method) => method.toUpperCase()),
  );
  const { clock = systemClock, random = Math.random, rateLimitReset = 'auto', onRetry } = options;
  const states = new WeakMap<Request, RequestState>();

  function startAttempt(template: Request, signal: AbortSignal): Attempt {
    const timeout = new AbortController();
    const done = new AbortController();
    const request = new Request(template.clone(), { signal: anySignal([signal, timeout.signal]) });
    if (timeoutMs !== undefined) {
      clock.sleep(timeoutMs, done.signal).then(
        () => timeout.abort(new TimeoutError(template, timeoutMs)),
        () => undefined,
      );
    }
    return { request, timeout, done };
  }

  /** The attempt's result; with a timeout, the body is read within it. */
  async function settle(state: RequestState, attempt: Attempt, pending: Promise<Response>): Promise<Outcome> {
    try {
      const response = await pending;
      if (timeoutMs === undefined) return { response };
      const body = nullBodyStatuses.has(response.status) ? null : await response.arrayBuffer();
      const buffered = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(buffered, 'url', { value: response.url });
      return { response: buffered };
    } catch (error) {
      if (state.signal.aborted) return { error: state.signal.reason };
      if (attempt.timeout.signal.aborted) return { error: attempt.timeout.signal.reason };
      return { error };
    } finally {
      attempt.done.abort();
    }
  }

  /** Milliseconds to wait before retry number `retry`, or undefined to stop. */
  function delayBefore(retry: number, outcome: Outcome, state: RequestState, allowed: boolean): number | undefined {
    if (!allowed || retry > retries || state.signal.aborted) return undefined;
    const backoff = () => backoffDelay(retry, { baseDelayMs, maxDelayMs, random });
    if (!outcome.response) return backoff();
    if (!statuses.has(outcome.response.status)) return undefined;
    const asked = retryDelayFromHeaders(outcome.response.headers, clock.now(), rateLimitReset);
    if (asked === undefined) return backoff();
    if (asked > maxRetryAfterMs) return undefined;
    return asked > 0 ? asked : backoff();
  }

  async function run(
    state: RequestState,
    first: Outcome,
    sent: Request,
    fetch: (request: Request) => Promise<Response>,
  ): Promise<Outcome> {
    const allowed = idempotentMethods.has(state.template.method.toUpperCase()) || isMarkedIdempotent(sent);
    let outcome = first;
    for (let attempt = 1; ; attempt += 1) {
      const delayMs = delayBefore(attempt, outcome, state, allowed);
      if (delayMs === undefined) return outcome;
      onRetry?.({
        retry: attempt,
        delayMs,
        request: state.template,
        status: outcome.response?.status,
        error: outcome.error,
      });
      await outcome.response?.body?.cancel().catch(() => undefined);
      await clock.sleep(delayMs, state.signal);
      const next = startAttempt(state.template, state.signal);
      outcome = await settle(state, next, fetch(next.request));
    }
  }

  /** Takes the request's state, so a Response produced by onError is not retried again by onResponse. */
  function take(request: Request): RequestState | undefined {
    const state = states.get(request);
    states.delete(request);
    return state;
  }

  return {
    onRequest({ request }) {
      const attempt = startAttempt(request, request.signal);
      states.set(attempt.request, { template: request, signal: request.signal, attempt });
      return attempt.request;
    },
    async onResponse({ request, response, options: { fetch } }) {
      const state = take(request);
      if (!state) return undefined;
      const outcome = await run(state, await settle(state, state.attempt, Promise.resolve(response)), request, fetch);
      if (outcome.response) return outcome.response;
      throw outcome.error;
    },
    async onError({ request, error, options: { fetch } }) {
      const state = take(request);
      if (!state) return undefined;
      const outcome = await run(state, await settle(state, state.attempt, Promise.reject(error)), request, fetch);
      if (outcome.response) return outcome.response;
      return outcome.error instanceof Error
        ? outcome.error
        : new Error(String(outcome.error), { cause: outcome.error });
    },
  };
}
