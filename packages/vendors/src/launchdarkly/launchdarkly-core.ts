import { responseExample } from '@envspec/specs';
import type { LaunchDarklyEnvironment } from '@envspec/types/launchdarkly';
import { retryAfterSeconds } from '../rate-limit/retry-after.ts';
import type { VendorCore } from '../vendor-core.ts';
import { adaptLaunchDarklyError, renderLaunchDarklyError } from './error-envelope.ts';
import { launchDarklyCredentials } from './launchdarkly-credentials.ts';
import { launchDarklyOperations, launchDarklyStoreKey, type LaunchDarklyOption } from './operations.ts';
import { requestIdFor } from '../protocol/request-id.ts';

export const launchDarklyCore: VendorCore<LaunchDarklyEnvironment, LaunchDarklyOption> = {
  vendor: 'launchdarkly',
  ports: { mock: 4013, server: 3013 },
  credentials: launchDarklyCredentials,
  // The spec documents the rate-limit headers on 429 only.
  rateLimit: {
    headers: (state, now) => ({
      // One limiter window per token covers both operations of the one route, so both counts agree.
      'X-Ratelimit-Global-Remaining': String(state.remaining),
      'X-Ratelimit-Route-Remaining': String(state.remaining),
      'X-Ratelimit-Reset': String(state.resetAt),
      'Retry-After': String(retryAfterSeconds(state, now)),
    }),
    onEveryResponse: false,
  },
  requestId: requestIdFor,
  options: {
    maxPatchOperations: {
      default: 100,
      flag: 'max-patch-operations',
      description: 'most operations in one JSON Patch (LaunchDarkly; 400 above)',
    },
  },
  adaptError: adaptLaunchDarklyError,
  renderError: renderLaunchDarklyError,
  fixtures(document) {
    const fixture = responseExample<LaunchDarklyEnvironment>(document, 'getEnvironment', '200');
    // The example names its project only in its self link.
    const projectKey = /^\/api\/v2\/projects\/([^/]+)\/environments\//.exec(fixture._links.self?.href ?? '')?.[1];
    if (!projectKey) throw new Error('the getEnvironment example has no _links.self.href naming its project');
    return [[launchDarklyStoreKey({ projectKey, environmentKey: fixture.key }), fixture]];
  },
  operations: launchDarklyOperations,
};
