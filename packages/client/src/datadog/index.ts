export { createDatadogClient, type DatadogClient, type DatadogClientOptions } from './create-datadog-client.ts';
export type { DatadogEnvironments } from './environments.ts';
export { datadogBaseUrl, datadogDefaultSite, datadogSites, type DatadogSite } from './sites.ts';
export {
  DatadogApiError,
  datadogError,
  datadogErrorStatuses,
  isDatadogError,
  type DatadogOperationError,
  type DatadogOperationId,
  type DatadogRateLimit,
} from './datadog-error.ts';
export { ApiError, UnexpectedResponseError } from '../http/api-error.ts';
export type { CallOptions } from '../http/call-options.ts';
export type { Secret } from '../http/auth-middleware.ts';
export type { RateLimit } from '../http/rate-limit.ts';
export type {
  DatadogAPIErrorResponse,
  DatadogEnvironment,
  DatadogUpdateEnvironmentAttributes,
  paths as DatadogPaths,
} from '@envspec/types/datadog';
