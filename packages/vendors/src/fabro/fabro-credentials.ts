import type { Credential } from '../credentials/credential.ts';
import { bearerScheme } from '../credentials/schemes.ts';
import type { VendorCredentials } from '../vendor-core.ts';

/**
 * Demo dev tokens documented in the README; configure other credentials to replace them. There
 * is deliberately no read-only token: Fabro documents no 403 for `replaceEnvironment`, so a
 * read-only credential refused on PUT would answer an undocumented status, which response
 * validation turns into a 500.
 */
export const fabroDemoCredentials: readonly Credential[] = [
  { id: 'fabro-demo-write', secret: 'fabro_dev_demo_write', access: 'write' },
  {
    id: 'fabro-demo-throttled',
    secret: 'fabro_dev_demo_throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];

/** Fabro takes a dev token as a Bearer token. */
export const fabroCredentials: VendorCredentials = {
  demo: fabroDemoCredentials,
  ...bearerScheme,
  hint: "send a dev token as 'Authorization: Bearer fabro_dev_...'",
};
