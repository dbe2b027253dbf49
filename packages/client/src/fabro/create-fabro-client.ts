import type { Client } from 'openapi-fetch';
import type { paths } from '@envspec/types/fabro';
import { authMiddleware, requireSecret, type Secret } from '../http/auth-middleware.ts';
import { createVendorClient, type BaseClientOptions } from '../http/vendor-client.ts';
import { fabroEnvironments, type FabroEnvironments } from './environments.ts';

export interface FabroClientOptions extends BaseClientOptions {
  /** Your Fabro server's URL. Fabro is self-hosted: there is no public default. */
  baseUrl: string;
  /** Dev token (`fabro_dev_…`), sent as `Authorization: Bearer <token>`. */
  token: Secret;
}

/** The raw typed client (`GET`, `PUT`, `use`, …) plus the resource API. */
export type FabroClient = Client<paths> & {
  environments: FabroEnvironments;
};

/** A client for a self-hosted Fabro server's environments API. */
export function createFabroClient(options: FabroClientOptions): FabroClient {
  if (typeof options.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new TypeError(
      "createFabroClient: 'baseUrl' is required: Fabro is self-hosted, so pass your server's URL (e.g. 'https://fabro.example.com')",
    );
  }
  const token = requireSecret(
    options.token,
    "createFabroClient: 'token' is required: pass a Fabro dev token (sent as 'Authorization: Bearer fabro_dev_…')",
  );
  const auth = authMiddleware({ Authorization: { secret: token, format: (value) => `Bearer ${value}` } });
  const client = createVendorClient<paths>(options.baseUrl, options, auth);
  return Object.assign(client, { environments: fabroEnvironments(client) });
}
