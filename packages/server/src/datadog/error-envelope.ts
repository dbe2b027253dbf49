import type { DatadogAPIErrorResponse } from '@envspec/types/datadog';
import { ApiError } from '../http/api-error.ts';

/**
 * An ApiError that keeps its findings apart, because Datadog's envelope lists one string per
 * problem. `message` stays the '; '-joined text so logs and other code read it like any ApiError.
 */
export class DatadogApiError extends ApiError {
  readonly findings: readonly string[];

  constructor(
    status: number,
    findings: readonly string[],
    options: { code?: string; headers?: Record<string, string> } = {},
  ) {
    super(status, findings.join('; '), options);
    this.findings = findings;
  }
}

/** Datadog's envelope: `{"errors": ["..."]}`. It carries no request id; the `X-Request-Id` header does. */
export function renderDatadogError(error: ApiError): DatadogAPIErrorResponse {
  return { errors: error instanceof DatadogApiError ? [...error.findings] : [error.message] };
}
