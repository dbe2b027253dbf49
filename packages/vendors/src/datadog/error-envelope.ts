import type { DatadogAPIErrorResponse } from '@envspec/types/datadog';
import type { ApiError } from '../errors/api-error.ts';

/**
 * Datadog's envelope: `{"errors": ["..."]}`, one string per problem where the failure lists them.
 * It carries no request id; the `X-Request-Id` header does.
 */
export function renderDatadogError(error: ApiError): DatadogAPIErrorResponse {
  return { errors: error.details ? [...error.details] : [error.message] };
}
