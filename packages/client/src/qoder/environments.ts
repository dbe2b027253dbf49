import type { Client } from 'openapi-fetch';
import type { paths, QoderEnvironment, QoderUpdateEnvironmentRequest } from '@envspec/types/qoder';
import { callInit, type CallOptions } from '../http/call-options.ts';
import { dataOrThrow } from '../http/vendor-error.ts';
import { qoderErrors } from './qoder-error.ts';

const environmentPath = '/api/v1/cloud/environments/{environment_id}';

/** Qoder cloud-agent environments. Failures throw `QoderApiError` (or `UnexpectedResponseError`). */
export interface QoderEnvironments {
  /** `GET` the environment with this `env_…` id. */
  get(environmentId: string, options?: CallOptions): Promise<QoderEnvironment>;
  /**
   * Partial update: only the fields sent change, nested objects merge, lists replace, a `metadata`
   * key set to `null` or `""` is deleted and a `null` `description` clears it. Resolves to the
   * updated environment. Sent as `PUT`, the documented method, which HTTP (and the retry
   * middleware) treat as idempotent; Qoder's SDKs send the same body as `POST`, which the raw
   * `client.POST` offers.
   */
  update(environmentId: string, body: QoderUpdateEnvironmentRequest, options?: CallOptions): Promise<QoderEnvironment>;
}

export function qoderEnvironments(client: Client<paths>): QoderEnvironments {
  return {
    async get(environmentId, options) {
      const result = await client.GET(environmentPath, {
        params: { path: { environment_id: environmentId } },
        ...callInit(options),
      });
      return dataOrThrow(qoderErrors, 'getEnvironment', result);
    },
    async update(environmentId, body, options) {
      const result = await client.PUT(environmentPath, {
        params: { path: { environment_id: environmentId } },
        body,
        ...callInit(options),
      });
      return dataOrThrow(qoderErrors, 'updateEnvironment', result);
    },
  };
}
