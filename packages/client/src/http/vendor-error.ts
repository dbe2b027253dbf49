import { type ApiError, requestIdHeader, UnexpectedResponseError, type ApiErrorInit } from './api-error.ts';
import { isDocumentedStatus, type ErrorStatusTable } from './operation-types.ts';

/** The common fields read out of a vendor's error envelope. */
export interface ParsedEnvelope {
  message: string;
  code: string | undefined;
  /** The request id when the envelope carries one; otherwise the `X-Request-Id` header is used. */
  requestId?: string | undefined;
}

/** How one vendor turns a failed response into its typed error. */
export interface VendorErrors<Operations> {
  vendor: string;
  /** The error statuses each operation documents. */
  statuses: ErrorStatusTable<Operations>;
  /** Reads the vendor's envelope, or undefined when `body` is not one. */
  parse(body: unknown): ParsedEnvelope | undefined;
  /** Builds the vendor's error class. */
  create(init: ApiErrorInit): ApiError;
}

/**
 * The typed error for a non-2xx answer: the vendor's class when the status is documented for the
 * operation and the body is the vendor's envelope, an `UnexpectedResponseError` otherwise.
 */
export function errorFromResponse<Operations>(
  errors: VendorErrors<Operations>,
  operation: keyof Operations & string,
  response: Response,
  body: unknown,
): ApiError {
  const context = { vendor: errors.vendor, operation, status: response.status, body, response };
  const parsed = isDocumentedStatus(errors.statuses, operation, response.status) ? errors.parse(body) : undefined;
  if (!parsed) return new UnexpectedResponseError({ ...context, requestId: requestIdHeader(response) });
  return errors.create({
    ...context,
    message: parsed.message,
    code: parsed.code,
    requestId: parsed.requestId ?? requestIdHeader(response),
  });
}

/** What openapi-fetch resolves to. */
export interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The documented body of a 2xx answer; throws the vendor's typed error for anything else. */
export function dataOrThrow<Operations, Data>(
  errors: VendorErrors<Operations>,
  operation: keyof Operations & string,
  result: FetchResult<Data>,
): Data {
  const { response } = result;
  if (!response.ok) throw errorFromResponse(errors, operation, response, result.error);
  if (result.data === undefined) {
    throw new UnexpectedResponseError({
      vendor: errors.vendor,
      operation,
      status: response.status,
      body: undefined,
      response,
      requestId: requestIdHeader(response),
      message: `${errors.vendor} ${operation} answered ${response.status} without a body; the spec documents a JSON body`,
    });
  }
  return result.data;
}
