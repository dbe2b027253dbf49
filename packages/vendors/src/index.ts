/**
 * @envspec/vendors: what is true of each vendor whatever serves it (the reference server, the
 * mock's stateful engine, a browser). Browser-safe: no Node APIs, no Express.
 */

// The registry and what is derived from it.
export {
  vendorCores,
  vendorCore,
  mapVendors,
  defaultMockPorts,
  defaultServerPorts,
  credentialHeaderNames,
  vendorOptionEntries,
  vendorOptionValues,
  demoCredential,
  credentialHeaders,
  type DemoRole,
  type VendorOptionName,
  type VendorOptionEntry,
} from './registry.ts';
export type {
  AnyVendorCore,
  OperationContext,
  OperationReply,
  OperationRequest,
  VendorCore,
  VendorCredentials,
  VendorOperation,
  VendorOption,
  VendorRateLimit,
} from './vendor-core.ts';

// Failures and how they go on the wire.
export { ApiError, isApiError, type ApiErrorOptions } from './errors/api-error.ts';
export { describeFinding, describeFindings, invalidRequest, type Finding } from './errors/findings.ts';
export { failureOf, knownFailure } from './errors/known-failure.ts';
export * as protocolErrors from './protocol/protocol-errors.ts';
export {
  answerFailure,
  jsonContentType,
  renderFailure,
  serializeAnswer,
  type FailureAnswer,
} from './protocol/answer.ts';
export { securityHeaders } from './protocol/security-headers.ts';
export { newRequestId, newUuidV4, requestIdFor } from './protocol/request-id.ts';
export { jsonNestingDepth } from './protocol/json-depth.ts';
export { charsetOf, decodeBodyText, parseJsonBody } from './protocol/json-body.ts';
export { isJsonMediaType, isWellFormedMediaType, mediaType } from './protocol/media-type.ts';
export { reasonPhrase } from './protocol/reason-phrases.ts';
export {
  connectionsCheckingInterval,
  defaultBodyLimits,
  defaultConnectionLimits,
  resolveBodyLimits,
  resolveConnectionLimits,
  type BodyLimits,
  type ConnectionLimits,
} from './protocol/limits.ts';
export {
  commonRequestHeaders,
  corsSurface,
  defaultCorsOrigins,
  originPattern,
  uniqueHeaderNames,
  type CorsSettings,
  type CorsSurface,
} from './protocol/cors.ts';

// Credentials, rate limits and the decision whether a request may go on.
export type { Access, Credential, HeaderLookup, RateLimitRule } from './credentials/credential.ts';
export { findCredential } from './credentials/find-credential.ts';
export {
  AccessGate,
  explainAuthentication,
  readNotPermittedCode,
  unknownCredentialMessage,
  type AccessGateOptions,
  type Metered,
} from './access/access-gate.ts';
export { RateLimiter, type RateLimitState } from './rate-limit/rate-limiter.ts';
export { retryAfterHeaders, retryAfterSeconds } from './rate-limit/retry-after.ts';

export { parseVendorSelection } from './selection.ts';

// Storage every vendor's updates go through.
export { updateWithRetry, type Store, type Versioned } from './store/store.ts';
export { MemoryStore } from './store/memory-store.ts';
export { StoreUnavailableError, isStoreUnavailable } from './store/store-unavailable-error.ts';
export { cloneValue } from './store/clone.ts';
export { mergePatch } from './json/merge-patch.ts';
export { lookup } from './json/json-pointer.ts';

// Each vendor.
export { qoderCore } from './qoder/qoder-core.ts';
export { qoderDemoCredentials } from './qoder/qoder-credentials.ts';
export { applyQoderUpdate } from './qoder/apply-update.ts';
export { fabroCore } from './fabro/fabro-core.ts';
export { fabroDemoCredentials } from './fabro/fabro-credentials.ts';
export { fabroEnvironment, revisionOf } from './fabro/revision.ts';
export { canonicalSettings } from './fabro/canonical-settings.ts';
export { parseSize, renderSize, type ParsedSize } from './fabro/size.ts';
export { parseDuration, renderDuration, type ParsedDuration } from './fabro/duration.ts';
export { etagOf, revisionFromIfMatch } from './fabro/etag.ts';
export { datadogCore } from './datadog/datadog-core.ts';
export { datadogDemoCredentials, datadogKeyHeaders } from './datadog/datadog-credentials.ts';
export { applyDatadogUpdate } from './datadog/apply-update.ts';
export { canonicalEnvironmentId } from './datadog/environment-id.ts';
export { datadogRateLimitName } from './datadog/rate-limit-headers.ts';
export { readPermission, writePermission } from './datadog/adapt-error.ts';
export { launchDarklyCore } from './launchdarkly/launchdarkly-core.ts';
export { launchDarklyDemoCredentials } from './launchdarkly/launchdarkly-credentials.ts';
export { applyJsonPatch } from './launchdarkly/apply-json-patch.ts';
export { createEnvironmentRules } from './launchdarkly/environment-rules.ts';
export { editableApprovalFields, PatchTargets, readOnlyFields } from './launchdarkly/patch-targets.ts';
export { launchDarklyStoreKey, type LaunchDarklyOption } from './launchdarkly/operations.ts';
