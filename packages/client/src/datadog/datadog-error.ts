import type { DatadogAPIErrorResponse, operations } from '@envspec/types/datadog';
import { ApiError, isRecord, type ApiErrorInit } from '../http/api-error.ts';
import type { ErrorStatusOf, ErrorStatusTable } from '../http/operation-types.ts';
import { retryDelayFromHeaders, type RateLimit, type RateLimitFor } from '../http/rate-limit.ts';
import { errorFromResponse, type VendorErrors } from '../http/vendor-error.ts';

/** The spec's `operationId`s. */
export type DatadogOperationId = keyof operations & string;

/** The error statuses each operation documents (checked against the generated types). */
export const datadogErrorStatuses = {
  GetFeatureFlagsEnvironment: { 400: true, 403: true, 404: true, 429: true },
  UpdateFeatureFlagsEnvironment: { 400: true, 403: true, 404: true, 413: true, 415: true, 429: true },
} as const satisfies ErrorStatusTable<operations>;

/** Datadog's rate-limit headers on a 429. */
export interface DatadogRateLimit extends RateLimit {
  /** `X-RateLimit-Limit`: requests allowed per period. */
  limit: number | undefined;
  /** `X-RateLimit-Period`: the period, in seconds. */
  period: number | undefined;
  /** `X-RateLimit-Remaining`: requests left in this period. */
  remaining: number | undefined;
  /** `X-RateLimit-Name`: the limit this request counts against. */
  name: string | undefined;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function datadogRateLimit(headers: Headers): DatadogRateLimit {
  return {
    retryAfterMs: retryDelayFromHeaders(headers, Date.now(), 'delta-seconds'),
    limit: numberHeader(headers, 'x-ratelimit-limit'),
    period: numberHeader(headers, 'x-ratelimit-period'),
    remaining: numberHeader(headers, 'x-ratelimit-remaining'),
    name: headers.get('x-ratelimit-name') ?? undefined,
  };
}

/** A documented Datadog error: `{ errors: ["…"] }`, with the request id from `X-Request-Id`. */
export class DatadogApiError<
  Op extends DatadogOperationId = DatadogOperationId,
  Status extends number = ErrorStatusOf<operations[Op]>,
> extends ApiError {
  declare readonly vendor: 'datadog';
  declare readonly operation: Op;
  declare readonly status: Status;
  declare readonly body: DatadogAPIErrorResponse;
  /** Datadog's envelope has no code: always undefined. */
  declare readonly code: undefined;
  /** The envelope's messages; `message` joins them. */
  readonly errors: string[];
  /** Set on 429: the `X-RateLimit-*` headers. */
  readonly rateLimit: DatadogRateLimit | undefined;

  constructor(init: ApiErrorInit & { body: DatadogAPIErrorResponse }) {
    super(init);
    this.name = 'DatadogApiError';
    this.errors = init.body.errors;
    this.rateLimit = init.status === 429 ? datadogRateLimit(init.response.headers) : undefined;
  }
}

/** The errors `Op` can throw, one member per documented status, so `switch (error.status)` narrows. */
export type DatadogOperationError<Op extends DatadogOperationId = DatadogOperationId> = {
  [O in Op]: {
    [S in ErrorStatusOf<operations[O]>]: DatadogApiError<O, S> & RateLimitFor<S, DatadogRateLimit>;
  }[ErrorStatusOf<operations[O]>];
}[Op];

/** Whether `error` is a documented Datadog error (of `operation`, when given). */
export function isDatadogError<Op extends DatadogOperationId = DatadogOperationId>(
  error: unknown,
  operation?: Op,
): error is DatadogOperationError<Op> {
  return error instanceof DatadogApiError && (operation === undefined || error.operation === operation);
}

function isDatadogEnvelope(body: unknown): body is DatadogAPIErrorResponse {
  return isRecord(body) && Array.isArray(body.errors) && body.errors.every((error) => typeof error === 'string');
}

export const datadogErrors: VendorErrors<operations> = {
  vendor: 'datadog',
  statuses: datadogErrorStatuses,
  parse(body) {
    if (!isDatadogEnvelope(body)) return undefined;
    return { message: body.errors.join('; '), code: undefined };
  },
  create: (init) => new DatadogApiError({ ...init, body: init.body as DatadogAPIErrorResponse }),
};

/** The typed error for a failed raw call: `datadogError('GetFeatureFlagsEnvironment', response, error)`. */
export function datadogError(operation: DatadogOperationId, response: Response, body: unknown): ApiError {
  return errorFromResponse(datadogErrors, operation, response, body);
}
