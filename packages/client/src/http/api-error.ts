/** What every non-2xx answer carries, whatever the vendor. */
export interface ApiErrorInit {
  vendor: string;
  operation: string;
  status: number;
  message: string;
  code: string | undefined;
  requestId: string | undefined;
  body: unknown;
  response: Response;
}

/**
 * Base class of every error the resource API throws for a non-2xx answer. Vendor subclasses
 * (`QoderApiError`, …) add the vendor's envelope; `UnexpectedResponseError` covers answers the
 * spec does not document. Catch this class to handle any of them.
 */
export class ApiError extends Error {
  /** The vendor that answered (`qoder`, `fabro`, `datadog`, `launchdarkly`). */
  readonly vendor: string;
  /** The spec's `operationId` of the call that failed. */
  readonly operation: string;
  /** The HTTP status. */
  readonly status: number;
  /** The vendor's machine-readable reason, when its envelope has one. */
  readonly code: string | undefined;
  /** The request id to quote to support (from the envelope or the `X-Request-Id` header). */
  readonly requestId: string | undefined;
  /** The parsed error body (the raw text when it was not JSON). */
  readonly body: unknown;
  /** The raw response; its body has already been read. */
  readonly response: Response;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.vendor = init.vendor;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.response = init.response;
  }
}

/**
 * A non-2xx answer the spec does not document for the operation (a proxy's 502, an undocumented
 * status, a body that is not the vendor's error envelope), or a 2xx answer without the documented body.
 */
export class UnexpectedResponseError extends ApiError {
  constructor(init: Omit<ApiErrorInit, 'message' | 'code'> & { message?: string }) {
    const excerpt =
      typeof init.body === 'string' ? init.body.slice(0, 200) : JSON.stringify(init.body ?? null).slice(0, 200);
    super({
      ...init,
      code: undefined,
      message:
        init.message ??
        `${init.vendor} ${init.operation} answered ${init.status} ${init.response.statusText}, which the spec does not document for this operation: ${excerpt}`,
    });
    this.name = 'UnexpectedResponseError';
  }
}

/** The `X-Request-Id` header, or undefined. */
export function requestIdHeader(response: Response): string | undefined {
  return response.headers.get('x-request-id') ?? undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
