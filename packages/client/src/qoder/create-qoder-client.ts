import type { Client } from 'openapi-fetch';
import type { paths } from '@envspec/types/qoder';
import { authMiddleware, requireSecret, type Secret } from '../http/auth-middleware.ts';
import { createVendorClient, type BaseClientOptions } from '../http/vendor-client.ts';
import { qoderEnvironments, type QoderEnvironments } from './environments.ts';

/** Qoder's public API host. */
export const qoderDefaultBaseUrl = 'https://openapi.qoder.sh';

export interface QoderClientOptions extends BaseClientOptions {
  /** Personal access token, sent as `Authorization: Bearer <token>`. */
  token: Secret;
}

/** The raw typed client (`GET`, `PUT`, `use`, …) plus the resource API. */
export type QoderClient = Client<paths> & {
  environments: QoderEnvironments;
};

/** A client for the Qoder Cloud Agents API (`baseUrl` defaults to `https://openapi.qoder.sh`). */
export function createQoderClient(options: QoderClientOptions): QoderClient {
  const token = requireSecret(
    options.token,
    "createQoderClient: 'token' is required: pass a Qoder personal access token (sent as 'Authorization: Bearer <token>')",
  );
  const auth = authMiddleware({ Authorization: { secret: token, format: (value) => `Bearer ${value}` } });
  const client = createVendorClient<paths>(options.baseUrl ?? qoderDefaultBaseUrl, options, auth);
  return Object.assign(client, { environments: qoderEnvironments(client) });
}
