import type { Credential } from '../auth/credentials.ts';

/**
 * Demo access tokens documented in the README, shaped like LaunchDarkly's `api-…` tokens; pass
 * `credentials` to the app factory to replace them. There is deliberately no read-only token:
 * the spec documents no 403 for `patchEnvironment`, so a read-only token's PATCH would answer a
 * status the contract does not have.
 */
export const launchDarklyDemoCredentials: Credential[] = [
  { id: 'launchdarkly-demo-write', secret: 'api-0000demo-write', access: 'write' },
  {
    id: 'launchdarkly-demo-throttled',
    secret: 'api-0000demo-throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];
