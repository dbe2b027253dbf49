import type { operations, QoderError, QoderErrorType } from '@envspec/types/qoder';
import { ApiError, isRecord, type ApiErrorInit } from '../http/api-error.ts';
import type { ErrorStatusOf, ErrorStatusTable } from '../http/operation-types.ts';
import { retryDelayFromHeaders, type RateLimit, type RateLimitFor } from '../http/rate-limit.ts';
import { errorFromResponse, type VendorErrors } from '../http/vendor-error.ts';

/** The spec's `operationId`s. */
export type QoderOperationId = keyof operations & string;

/** The error statuses each operation documents (checked against the generated types). */
export const qoderErrorStatuses = {
  getEnvironment: { 400: true, 401: true, 404: true, 429: true },
  updateEnvironment: { 400: true, 401: true, 403: true, 404: true, 413: true, 415: true, 429: true },
  updateEnvironmentWithPost: { 400: true, 401: true, 403: true, 404: true, 413: true, 415: true, 429: true },
} as const satisfies ErrorStatusTable<operations>;

/** A documented Qoder error: `{ type: "error", error: { type, message, code? }, request_id }`. */
export class QoderApiError<
  Op extends QoderOperationId = QoderOperationId,
  Status extends number = ErrorStatusOf<operations[Op]>,
> extends ApiError {
  declare readonly vendor: 'qoder';
  declare readonly operation: Op;
  declare readonly status: Status;
  declare readonly body: QoderError;
  /** The class of error (`not_found_error`, `rate_limit_error`, …). */
  readonly type: QoderErrorType;
  /** Set on 429: how long to wait (from `Retry-After`). */
  readonly rateLimit: RateLimit | undefined;

  constructor(init: ApiErrorInit & { body: QoderError }) {
    super(init);
    this.name = 'QoderApiError';
    this.type = init.body.error.type;
    this.rateLimit =
      init.status === 429
        ? { retryAfterMs: retryDelayFromHeaders(init.response.headers, Date.now(), 'delta-seconds') }
        : undefined;
  }
}

/**
 * The errors `Op` can throw, one member per documented status, so `switch (error.status)` narrows
 * (and only a 429 has `rateLimit`).
 */
export type QoderOperationError<Op extends QoderOperationId = QoderOperationId> = {
  [O in Op]: { [S in ErrorStatusOf<operations[O]>]: QoderApiError<O, S> & RateLimitFor<S> }[ErrorStatusOf<
    operations[O]
  >];
}[Op];

/** Whether `error` is a documented Qoder error (of `operation`, when given). */
export function isQoderError<Op extends QoderOperationId = QoderOperationId>(
  error: unknown,
  operation?: Op,
): error is QoderOperationError<Op> {
  return error instanceof QoderApiError && (operation === undefined || error.operation === operation);
}

function isQoderEnvelope(body: unknown): body is QoderError {
  return (
    isRecord(body) &&
    body.type === 'error' &&
    isRecord(body.error) &&
    typeof body.error.type === 'string' &&
    typeof body.error.message === 'string'
  );
}

export const qoderErrors: VendorErrors<operations> = {
  vendor: 'qoder',
  statuses: qoderErrorStatuses,
  parse(body) {
    if (!isQoderEnvelope(body)) return undefined;
    return {
      message: body.error.message,
      code: body.error.code,
      requestId: typeof body.request_id === 'string' ? body.request_id : undefined,
    };
  },
  create: (init) => new QoderApiError({ ...init, body: init.body as QoderError }),
};

/** The typed error for a failed raw call: `qoderError('getEnvironment', response, error)`. */
export function qoderError(operation: QoderOperationId, response: Response, body: unknown): ApiError {
  return errorFromResponse(qoderErrors, operation, response, body);
}
