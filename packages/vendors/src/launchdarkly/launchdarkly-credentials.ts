import type { Credential } from '../credentials/credential.ts';
import type { VendorCredentials } from '../vendor-core.ts';

/**
 * Demo access tokens documented in the README, shaped like LaunchDarkly's `api-…` tokens;
 * configure other credentials to replace them. There is deliberately no read-only token: the spec
 * documents no 403 for `patchEnvironment`, so a read-only token's PATCH would answer a status the
 * contract does not have. The write-only token is refused a read with the 403 `getEnvironment`
 * documents, and may PATCH.
 */
export const launchDarklyDemoCredentials: readonly Credential[] = [
  { id: 'launchdarkly-demo-write', secret: 'api-0000demo-write', access: 'write' },
  { id: 'launchdarkly-demo-write-only', secret: 'api-0000demo-write-only', access: 'write-only' },
  {
    id: 'launchdarkly-demo-throttled',
    secret: 'api-0000demo-throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];

/** LaunchDarkly takes the access token as the whole Authorization header value, with no scheme. */
export const launchDarklyCredentials: VendorCredentials = {
  demo: launchDarklyDemoCredentials,
  headerNames: ['authorization'],
  unauthenticatedStatus: 401,
  hint: 'send your API access token in the Authorization header (no Bearer prefix)',
  presented: (header) => header('authorization')?.trim() || undefined,
  present: (secret) => ({ authorization: secret }),
};
