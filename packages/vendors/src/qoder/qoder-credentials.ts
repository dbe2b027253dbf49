import type { Credential } from '../credentials/credential.ts';
import { bearerScheme } from '../credentials/schemes.ts';
import type { VendorCredentials } from '../vendor-core.ts';

/** Demo PATs documented in the README; configure other credentials to replace them. */
export const qoderDemoCredentials: readonly Credential[] = [
  { id: 'qoder-demo-write', secret: 'qoder_pat_demo_write', access: 'write' },
  { id: 'qoder-demo-read', secret: 'qoder_pat_demo_read', access: 'read' },
  {
    id: 'qoder-demo-throttled',
    secret: 'qoder_pat_demo_throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];

/** Qoder takes a personal access token as a Bearer token. */
export const qoderCredentials: VendorCredentials = {
  demo: qoderDemoCredentials,
  ...bearerScheme,
  hint: "send a valid personal access token as 'Authorization: Bearer <PAT>'",
};
