import type { Client } from 'openapi-fetch';
import type { paths } from '@envspec/types/launchdarkly';
import { authMiddleware, requireSecret, type Secret } from '../http/auth-middleware.ts';
import { createVendorClient, type BaseClientOptions } from '../http/vendor-client.ts';
import { launchDarklyEnvironments, type LaunchDarklyEnvironments } from './environments.ts';

/** LaunchDarkly's API hosts: the commercial default, the Federal instance and the EU instance. */
export const launchDarklyBaseUrls = {
  commercial: 'https://app.launchdarkly.com',
  federal: 'https://app.launchdarkly.us',
  eu: 'https://app.eu.launchdarkly.com',
} as const;

/** LaunchDarkly's public API host. */
export const launchDarklyDefaultBaseUrl = launchDarklyBaseUrls.commercial;

export interface LaunchDarklyClientOptions extends BaseClientOptions {
  /** API access token (`api-…`), sent as the whole `Authorization` header, with no `Bearer`. */
  apiKey: Secret;
}

/** The raw typed client (`GET`, `PATCH`, `use`, …) plus the resource API. */
export type LaunchDarklyClient = Client<paths> & {
  environments: LaunchDarklyEnvironments;
};

/**
 * A client for LaunchDarkly's environments API (`baseUrl` defaults to `https://app.launchdarkly.com`;
 * pass `launchDarklyBaseUrls.federal` or `.eu` for those instances).
 */
export function createLaunchDarklyClient(options: LaunchDarklyClientOptions): LaunchDarklyClient {
  const apiKey = requireSecret(
    options.apiKey,
    "createLaunchDarklyClient: 'apiKey' is required: pass a LaunchDarkly API access token (sent as 'Authorization: <token>', no Bearer)",
  );
  const client = createVendorClient<paths>(
    options.baseUrl ?? launchDarklyDefaultBaseUrl,
    options,
    authMiddleware({ Authorization: { secret: apiKey } }),
  );
  return Object.assign(client, { environments: launchDarklyEnvironments(client) });
}
