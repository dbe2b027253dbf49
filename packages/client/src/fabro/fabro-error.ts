import type { FabroError, FabroErrorObject, operations } from '@envspec/types/fabro';
import { ApiError, isRecord, type ApiErrorInit } from '../http/api-error.ts';
import type { ErrorStatusOf, ErrorStatusTable } from '../http/operation-types.ts';
import { retryDelayFromHeaders, type RateLimit, type RateLimitFor } from '../http/rate-limit.ts';
import { errorFromResponse, type VendorErrors } from '../http/vendor-error.ts';

/** The spec's `operationId`s. */
export type FabroOperationId = keyof operations & string;

/** The error statuses each operation documents (checked against the generated types). */
export const fabroErrorStatuses = {
  getEnvironment: { 400: true, 401: true, 404: true, 429: true },
  replaceEnvironment: { 400: true, 401: true, 404: true, 409: true, 413: true, 415: true, 428: true, 429: true },
} as const satisfies ErrorStatusTable<operations>;

/** A documented Fabro error: `{ errors: [{ status, title, detail, code }], request_id }`. */
export class FabroApiError<
  Op extends FabroOperationId = FabroOperationId,
  Status extends number = ErrorStatusOf<operations[Op]>,
> extends ApiError {
  declare readonly vendor: 'fabro';
  declare readonly operation: Op;
  declare readonly status: Status;
  declare readonly body: FabroError;
  /** The first error's machine-readable reason (`revision_mismatch`, `precondition_required`, …). */
  declare readonly code: string;
  /** Every error of the envelope; `message` joins their `detail`s. */
  readonly errors: FabroErrorObject[];
  /** Set on 429: how long to wait (from `Retry-After`). */
  readonly rateLimit: RateLimit | undefined;

  constructor(init: ApiErrorInit & { body: FabroError }) {
    super(init);
    this.name = 'FabroApiError';
    this.errors = init.body.errors;
    this.rateLimit =
      init.status === 429
        ? { retryAfterMs: retryDelayFromHeaders(init.response.headers, Date.now(), 'delta-seconds') }
        : undefined;
  }
}

/** The errors `Op` can throw, one member per documented status, so `switch (error.status)` narrows. */
export type FabroOperationError<Op extends FabroOperationId = FabroOperationId> = {
  [O in Op]: { [S in ErrorStatusOf<operations[O]>]: FabroApiError<O, S> & RateLimitFor<S> }[ErrorStatusOf<
    operations[O]
  >];
}[Op];

/** Whether `error` is a documented Fabro error (of `operation`, when given). */
export function isFabroError<Op extends FabroOperationId = FabroOperationId>(
  error: unknown,
  operation?: Op,
): error is FabroOperationError<Op> {
  return error instanceof FabroApiError && (operation === undefined || error.operation === operation);
}

function isFabroErrorObject(value: unknown): value is FabroErrorObject {
  return isRecord(value) && typeof value.detail === 'string' && typeof value.code === 'string';
}

function isFabroEnvelope(body: unknown): body is FabroError {
  return (
    isRecord(body) && Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every(isFabroErrorObject)
  );
}

export const fabroErrors: VendorErrors<operations> = {
  vendor: 'fabro',
  statuses: fabroErrorStatuses,
  parse(body) {
    if (!isFabroEnvelope(body)) return undefined;
    return {
      message: body.errors.map((error) => error.detail).join('; '),
      code: body.errors[0]?.code,
      requestId: typeof body.request_id === 'string' ? body.request_id : undefined,
    };
  },
  create: (init) => new FabroApiError({ ...init, body: init.body as FabroError }),
};

/** The typed error for a failed raw call: `fabroError('replaceEnvironment', response, error)`. */
export function fabroError(operation: FabroOperationId, response: Response, body: unknown): ApiError {
  return errorFromResponse(fabroErrors, operation, response, body);
}
