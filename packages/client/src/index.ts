/**
 * Everything in one import. Each vendor also has its own entry (`@envspec/client/qoder`, …) and
 * the package has no side effects, so bundlers keep only what you use.
 */
import type { DatadogOperationError } from './datadog/datadog-error.ts';
import type { FabroOperationError } from './fabro/fabro-error.ts';
import type { LaunchDarklyOperationError } from './launchdarkly/launchdarkly-error.ts';
import type { QoderOperationError } from './qoder/qoder-error.ts';

export * from './qoder/index.ts';
export * from './fabro/index.ts';
export * from './datadog/index.ts';
export * from './launchdarkly/index.ts';
export * from './retry/index.ts';
export {
  jsonPatch,
  type AddPath,
  type DefaultPatchRules,
  type PatchRules,
  type RemovePath,
} from './json-patch/patch-builder.ts';
export type { AppendPaths, PatchValue, PointerPaths, RemovablePaths, ValueAt } from './json-patch/pointer.ts';
export type { BaseClientOptions } from './http/vendor-client.ts';
export type { ApiErrorInit } from './http/api-error.ts';

/** Any documented error of any vendor: `switch (error.vendor)`, then `switch (error.status)`. */
export type VendorApiError =
  | QoderOperationError
  | FabroOperationError
  | DatadogOperationError
  | LaunchDarklyOperationError;
