import type { Client } from 'openapi-fetch';
import type { paths } from '@envspec/types/datadog';
import { authMiddleware, requireSecret, type Secret } from '../http/auth-middleware.ts';
import { createVendorClient, type BaseClientOptions } from '../http/vendor-client.ts';
import { datadogEnvironments, type DatadogEnvironments } from './environments.ts';
import { datadogBaseUrl, type DatadogSite } from './sites.ts';

/** Either a Datadog `site` (default `datadoghq.com`) or an explicit `baseUrl`, not both. */
export type DatadogClientOptions = Omit<BaseClientOptions, 'baseUrl'> & {
  /** API key, sent as `DD-API-KEY`. */
  apiKey: Secret;
  /** Application key, sent as `DD-APPLICATION-KEY`. */
  appKey: Secret;
} & ({ site?: DatadogSite; baseUrl?: never } | { baseUrl: string; site?: never });

/** The raw typed client (`GET`, `PUT`, `use`, …) plus the resource API. */
export type DatadogClient = Client<paths> & {
  environments: DatadogEnvironments;
};

/** A client for Datadog's feature-flag environments API on `https://api.<site>`. */
export function createDatadogClient(options: DatadogClientOptions): DatadogClient {
  const apiKey = requireSecret(
    options.apiKey,
    "createDatadogClient: 'apiKey' is required: pass a Datadog API key (sent as 'DD-API-KEY')",
  );
  const appKey = requireSecret(
    options.appKey,
    "createDatadogClient: 'appKey' is required: pass a Datadog application key (sent as 'DD-APPLICATION-KEY')",
  );
  const auth = authMiddleware({ 'DD-API-KEY': { secret: apiKey }, 'DD-APPLICATION-KEY': { secret: appKey } });
  const client = createVendorClient<paths>(options.baseUrl ?? datadogBaseUrl(options.site), options, auth);
  return Object.assign(client, { environments: datadogEnvironments(client) });
}
