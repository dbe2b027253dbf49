export { createFabroClient, type FabroClient, type FabroClientOptions } from './create-fabro-client.ts';
export type {
  EnvironmentChange,
  FabroEnvironments,
  FabroEnvironmentWithETag,
  ReplaceOptions,
  UpdateWithOptions,
} from './environments.ts';
export { etagOf, toReplaceRequest } from './etag.ts';
export { replaceRequest, type FabroReplaceSettings } from './replace-request.ts';
export {
  FabroApiError,
  fabroError,
  fabroErrorStatuses,
  isFabroError,
  type FabroOperationError,
  type FabroOperationId,
} from './fabro-error.ts';
export { ApiError, UnexpectedResponseError } from '../http/api-error.ts';
export type { CallOptions } from '../http/call-options.ts';
export type { Secret } from '../http/auth-middleware.ts';
export type { RateLimit } from '../http/rate-limit.ts';
export type {
  FabroError,
  FabroErrorObject,
  FabroEnvironment,
  FabroReplaceEnvironmentRequest,
  FabroEnvironmentNetworkMode,
  FabroEnvironmentProvider,
  paths as FabroPaths,
} from '@envspec/types/fabro';
