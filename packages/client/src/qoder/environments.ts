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
   * Partial update (`PUT`): only the fields sent change, nested objects merge, arrays replace, a
   * `metadata` key set to `null` is deleted. Resolves to the updated environment.
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
