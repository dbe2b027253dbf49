import type { LaunchDarklyError, operations } from '@envspec/types/launchdarkly';
import { ApiError, isRecord, type ApiErrorInit } from '../http/api-error.ts';
import type { ErrorStatusOf, ErrorStatusTable } from '../http/operation-types.ts';
import { retryDelayFromHeaders, type RateLimit, type RateLimitFor } from '../http/rate-limit.ts';
import { errorFromResponse, type VendorErrors } from '../http/vendor-error.ts';

/** The spec's `operationId`s. */
export type LaunchDarklyOperationId = keyof operations & string;

/** The error statuses each operation documents (checked against the generated types). */
export const launchDarklyErrorStatuses = {
  getEnvironment: { 400: true, 401: true, 403: true, 404: true, 429: true },
  patchEnvironment: { 400: true, 401: true, 404: true, 409: true, 413: true, 415: true, 429: true },
} as const satisfies ErrorStatusTable<operations>;

/** LaunchDarkly's rate-limit headers on a 429. */
export interface LaunchDarklyRateLimit extends RateLimit {
  /** `X-Ratelimit-Global-Remaining`: requests left for this token across routes. */
  globalRemaining: number | undefined;
  /** `X-Ratelimit-Route-Remaining`: requests left for this token on this route. */
  routeRemaining: number | undefined;
  /** `X-Ratelimit-Reset`: when the window resets, in epoch milliseconds. */
  resetAt: number | undefined;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function launchDarklyRateLimit(headers: Headers): LaunchDarklyRateLimit {
  const now = Date.now();
  return {
    // Retry-After (seconds) first; otherwise the reset time, which LaunchDarkly sends in epoch ms.
    retryAfterMs: retryDelayFromHeaders(headers, now, 'epoch-ms'),
    globalRemaining: numberHeader(headers, 'x-ratelimit-global-remaining'),
    routeRemaining: numberHeader(headers, 'x-ratelimit-route-remaining'),
    resetAt: numberHeader(headers, 'x-ratelimit-reset'),
  };
}

/** A documented LaunchDarkly error: `{ code, message }`, with the request id from `X-Request-Id`. */
export class LaunchDarklyApiError<
  Op extends LaunchDarklyOperationId = LaunchDarklyOperationId,
  Status extends number = ErrorStatusOf<operations[Op]>,
> extends ApiError {
  declare readonly vendor: 'launchdarkly';
  declare readonly operation: Op;
  declare readonly status: Status;
  declare readonly body: LaunchDarklyError;
  /** The machine-readable code (`not_found`, `optimistic_locking_error`, …). */
  declare readonly code: string;
  /** Set on 429: `Retry-After` and the `X-Ratelimit-*` headers. */
  readonly rateLimit: LaunchDarklyRateLimit | undefined;

  constructor(init: ApiErrorInit & { body: LaunchDarklyError }) {
    super(init);
    this.name = 'LaunchDarklyApiError';
    this.rateLimit = init.status === 429 ? launchDarklyRateLimit(init.response.headers) : undefined;
  }
}

/** The errors `Op` can throw, one member per documented status, so `switch (error.status)` narrows. */
export type LaunchDarklyOperationError<Op extends LaunchDarklyOperationId = LaunchDarklyOperationId> = {
  [O in Op]: {
    [S in ErrorStatusOf<operations[O]>]: LaunchDarklyApiError<O, S> & RateLimitFor<S, LaunchDarklyRateLimit>;
  }[ErrorStatusOf<operations[O]>];
}[Op];

/** Whether `error` is a documented LaunchDarkly error (of `operation`, when given). */
export function isLaunchDarklyError<Op extends LaunchDarklyOperationId = LaunchDarklyOperationId>(
  error: unknown,
  operation?: Op,
): error is LaunchDarklyOperationError<Op> {
  return error instanceof LaunchDarklyApiError && (operation === undefined || error.operation === operation);
}

function isLaunchDarklyEnvelope(body: unknown): body is LaunchDarklyError {
  return isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string';
}

export const launchDarklyErrors: VendorErrors<operations> = {
  vendor: 'launchdarkly',
  statuses: launchDarklyErrorStatuses,
  parse(body) {
    if (!isLaunchDarklyEnvelope(body)) return undefined;
    return { message: body.message, code: body.code };
  },
  create: (init) => new LaunchDarklyApiError({ ...init, body: init.body as LaunchDarklyError }),
};

/** The typed error for a failed raw call: `launchDarklyError('patchEnvironment', response, error)`. */
export function launchDarklyError(operation: LaunchDarklyOperationId, response: Response, body: unknown): ApiError {
  return errorFromResponse(launchDarklyErrors, operation, response, body);
}
