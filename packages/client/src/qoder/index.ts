export {
  createQoderClient,
  qoderDefaultBaseUrl,
  type QoderClient,
  type QoderClientOptions,
} from './create-qoder-client.ts';
export type { QoderEnvironments } from './environments.ts';
export {
  QoderApiError,
  isQoderError,
  qoderError,
  qoderErrorStatuses,
  type QoderOperationError,
  type QoderOperationId,
} from './qoder-error.ts';
export { ApiError, UnexpectedResponseError } from '../http/api-error.ts';
export type { CallOptions } from '../http/call-options.ts';
export type { Secret } from '../http/auth-middleware.ts';
export type { RateLimit } from '../http/rate-limit.ts';
export type {
  QoderError,
  QoderEnvironment,
  QoderUpdateEnvironmentRequest,
  paths as QoderPaths,
} from '@envspec/types/qoder';
