import type { Finding } from './findings.ts';

export interface ApiErrorOptions {
  /** The machine-readable reason, where the vendor has one. */
  code?: string | undefined;
  /** Headers the answer carries (`Allow`, `Retry-After`, `Connection: close`, …). */
  headers?: Record<string, string>;
  /** The request-validation findings behind a 400, for vendors that re-word or re-map some of them. */
  findings?: readonly Finding[];
  /** The failure as separate sentences, for envelopes that list each problem (Datadog's `errors`). */
  details?: readonly string[];
}

/**
 * A failure the API reports to its caller. Vendors render it in their own envelope; `code` is the
 * machine-readable reason where the vendor has one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly headers: Record<string, string>;
  readonly findings: readonly Finding[];
  readonly details: readonly string[] | undefined;

  constructor(status: number, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = options.code;
    this.headers = options.headers ?? {};
    this.findings = options.findings ?? [];
    this.details = options.details;
  }

  /** The same failure with some of its parts replaced (a vendor re-wording it, adding a header, …). */
  with(changes: { status?: number; message?: string } & ApiErrorOptions): ApiError {
    return new ApiError(changes.status ?? this.status, changes.message ?? this.message, {
      code: 'code' in changes ? changes.code : this.code,
      headers: changes.headers ?? this.headers,
      findings: changes.findings ?? this.findings,
      ...((changes.details ?? this.details) ? { details: changes.details ?? this.details } : {}),
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
