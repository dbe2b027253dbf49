import type { FabroError, FabroErrorObject, operations } from '@envspec/types/fabro';
import { ApiError, isRecord, type ApiErrorInit } from '../http/api-error.ts';
import type { ErrorStatusOf, ErrorStatusTable } from '../http/operation-types.ts';
import { errorFromResponse, type VendorErrors } from '../http/vendor-error.ts';

/** The spec's `operationId`s. */
export type FabroOperationId = keyof operations & string;

/** The error statuses each operation documents (checked against the generated types). */
export const fabroErrorStatuses = {
  retrieveEnvironment: { 400: true, 401: true, 404: true, 500: true },
  replaceEnvironment: {
    400: true,
    401: true,
    404: true,
    409: true,
    413: true,
    415: true,
    422: true,
    428: true,
    500: true,
  },
} as const satisfies ErrorStatusTable<operations>;

/**
 * A documented Fabro error: `{ errors: [{ status, title, detail, code?, request_id }], request_id }`.
 * Fabro does not rate-limit, so unlike the other vendors' errors it has no `rateLimit`.
 */
export class FabroApiError<
  Op extends FabroOperationId = FabroOperationId,
  Status extends number = ErrorStatusOf<operations[Op]>,
> extends ApiError {
  declare readonly vendor: 'fabro';
  declare readonly operation: Op;
  declare readonly status: Status;
  declare readonly body: FabroError;
  /**
   * The first error's machine-readable reason, when Fabro gives one (`access_token_invalid`, …). It
   * is absent on ordinary errors: tell those apart by `status`.
   */
  declare readonly code: string | undefined;
  /** Every error of the envelope; `message` joins their `detail`s. */
  readonly errors: FabroErrorObject[];

  constructor(init: ApiErrorInit & { body: FabroError }) {
    super(init);
    this.name = 'FabroApiError';
    this.errors = init.body.errors;
  }
}

/** The errors `Op` can throw, one member per documented status, so `switch (error.status)` narrows. */
export type FabroOperationError<Op extends FabroOperationId = FabroOperationId> = {
  [O in Op]: { [S in ErrorStatusOf<operations[O]>]: FabroApiError<O, S> }[ErrorStatusOf<operations[O]>];
}[Op];

/** Whether `error` is a documented Fabro error (of `operation`, when given). */
export function isFabroError<Op extends FabroOperationId = FabroOperationId>(
  error: unknown,
  operation?: Op,
): error is FabroOperationError<Op> {
  return error instanceof FabroApiError && (operation === undefined || error.operation === operation);
}

function isFabroErrorObject(value: unknown): value is FabroErrorObject {
  return (
    isRecord(value) &&
    typeof value.status === 'string' &&
    typeof value.detail === 'string' &&
    (value.code === undefined || typeof value.code === 'string')
  );
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
