import type { Credential } from '../auth/credentials.ts';

/**
 * Demo dev tokens documented in the README; pass `credentials` to the app factory to replace them.
 * There is deliberately no read-only token: Fabro documents no 403 for `replaceEnvironment`, so a
 * read-only credential refused on PUT would answer an undocumented status, which response
 * validation turns into a 500.
 */
export const fabroDemoCredentials: Credential[] = [
  { id: 'fabro-demo-write', secret: 'fabro_dev_demo_write', access: 'write' },
  {
    id: 'fabro-demo-throttled',
    secret: 'fabro_dev_demo_throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];
