import type { Credential } from '../auth/credentials.ts';

/** Demo PATs documented in the README; pass `credentials` to the app factory to replace them. */
export const qoderDemoCredentials: Credential[] = [
  { id: 'qoder-demo-write', secret: 'qoder_pat_demo_write', access: 'write' },
  { id: 'qoder-demo-read', secret: 'qoder_pat_demo_read', access: 'read' },
  {
    id: 'qoder-demo-throttled',
    secret: 'qoder_pat_demo_throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];
