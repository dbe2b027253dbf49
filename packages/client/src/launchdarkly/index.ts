export {
  createLaunchDarklyClient,
  launchDarklyBaseUrls,
  launchDarklyDefaultBaseUrl,
  type LaunchDarklyClient,
  type LaunchDarklyClientOptions,
} from './create-launchdarkly-client.ts';
export type { LaunchDarklyEnvironments } from './environments.ts';
export {
  patch,
  type LaunchDarklyEditableApprovalSettings,
  type LaunchDarklyPatch,
  type LaunchDarklyPatchRules,
  type LaunchDarklyReadOnlyField,
} from './patch.ts';
export {
  LaunchDarklyApiError,
  isLaunchDarklyError,
  launchDarklyError,
  launchDarklyErrorStatuses,
  type LaunchDarklyOperationError,
  type LaunchDarklyOperationId,
  type LaunchDarklyRateLimit,
} from './launchdarkly-error.ts';
export { ApiError, UnexpectedResponseError } from '../http/api-error.ts';
export type { CallOptions, NonIdempotentCallOptions } from '../http/call-options.ts';
export type { Secret } from '../http/auth-middleware.ts';
export type { RateLimit } from '../http/rate-limit.ts';
export { idempotent } from '../http/idempotent.ts';
export { PatchBuilder, type JsonPatchOperation } from '../json-patch/patch-builder.ts';
export type {
  LaunchDarklyError,
  LaunchDarklyEnvironment,
  LaunchDarklyJSONPatch,
  LaunchDarklyPatchOperation,
  paths as LaunchDarklyPaths,
} from '@envspec/types/launchdarkly';
