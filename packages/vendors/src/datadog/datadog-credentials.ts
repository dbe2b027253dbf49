import type { Credential, HeaderLookup } from '../credentials/credential.ts';
import type { VendorCredentials } from '../vendor-core.ts';

/** Demo key pairs documented in the README; configure other credentials to replace them. */
export const datadogDemoCredentials: readonly Credential[] = [
  { id: 'datadog-demo-write', secret: 'dd_demo_api_key:dd_demo_app_key_write', access: 'write' },
  { id: 'datadog-demo-read', secret: 'dd_demo_api_key:dd_demo_app_key_read', access: 'read' },
  // Granted the write permission without the read one: a GET is 403, as Datadog documents.
  { id: 'datadog-demo-write-only', secret: 'dd_demo_api_key:dd_demo_app_key_write_only', access: 'write-only' },
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
export function datadogPresentedSecret(header: HeaderLookup): string | undefined {
  const apiKey = header('dd-api-key');
  const applicationKey = header('dd-application-key');
  if (!apiKey || !applicationKey || apiKey.includes(':') || applicationKey.includes(':')) return undefined;
  return `${apiKey}:${applicationKey}`;
}

/** The two key headers for a `<api key>:<application key>` secret (text without ':' is sent as the API key alone). */
export function datadogKeyHeaders(secret: string): Record<string, string> {
  const colon = secret.indexOf(':');
  if (colon === -1) return { 'dd-api-key': secret };
  return { 'dd-api-key': secret.slice(0, colon), 'dd-application-key': secret.slice(colon + 1) };
}

export const datadogCredentials: VendorCredentials = {
  demo: datadogDemoCredentials,
  headerNames: ['dd-api-key', 'dd-application-key'],
  // Datadog has no 401: a missing or wrong key pair is 403 like a missing permission.
  unauthenticatedStatus: 403,
  hint: 'send a valid key pair as the DD-API-KEY and DD-APPLICATION-KEY headers',
  presented: datadogPresentedSecret,
  present: datadogKeyHeaders,
};
