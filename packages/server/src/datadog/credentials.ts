import type { Request } from 'express';
import type { Credential } from '../auth/credentials.ts';

/** Demo key pairs documented in the README; pass `credentials` to the app factory to replace them. */
export const datadogDemoCredentials: Credential[] = [
  { id: 'datadog-demo-write', secret: 'dd_demo_api_key:dd_demo_app_key_write', access: 'write' },
  { id: 'datadog-demo-read', secret: 'dd_demo_api_key:dd_demo_app_key_read', access: 'read' },
  {
    id: 'datadog-demo-throttled',
    secret: 'dd_demo_api_key:dd_demo_app_key_throttled',
    access: 'write',
    rateLimit: { limit: 2, windowMs: 60_000 },
  },
];

/**
 * Datadog authenticates a pair: the organisation's API key and a user's application key. The
 * credential secret is `<api key>:<application key>`, so either key alone matches nothing. A key
 * containing ':' is refused outright, so no other split of the same text can match a pair.
 */
export function datadogPresentedSecret(req: Request): string | undefined {
  const apiKey = req.get('dd-api-key');
  const applicationKey = req.get('dd-application-key');
  if (!apiKey || !applicationKey || apiKey.includes(':') || applicationKey.includes(':')) return undefined;
  return `${apiKey}:${applicationKey}`;
}
