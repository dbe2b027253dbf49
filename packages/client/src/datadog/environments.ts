import type { Client } from 'openapi-fetch';
import type { DatadogEnvironment, DatadogUpdateEnvironmentAttributes, paths } from '@envspec/types/datadog';
import { callInit, type CallOptions } from '../http/call-options.ts';
import { dataOrThrow } from '../http/vendor-error.ts';
import { datadogErrors } from './datadog-error.ts';

const environmentPath = '/api/v2/feature-flags/environments/{environment_id}';

/**
 * Datadog feature-flag environments. The JSON:API `{ data: … }` wrapper is added and removed for
 * you; the raw `GET`/`PUT` give the whole documents. Failures throw `DatadogApiError` (or
 * `UnexpectedResponseError`).
 */
export interface DatadogEnvironments {
  /** `GET` the environment with this UUID; resolves to the document's `data`. */
  get(environmentId: string, options?: CallOptions): Promise<DatadogEnvironment>;
  /** Update (`PUT`) only the attributes given; resolves to the updated environment. */
  update(
    environmentId: string,
    attributes: DatadogUpdateEnvironmentAttributes,
    options?: CallOptions,
  ): Promise<DatadogEnvironment>;
}

export function datadogEnvironments(client: Client<paths>): DatadogEnvironments {
  return {
    async get(environmentId, options) {
      const result = await client.GET(environmentPath, {
        params: { path: { environment_id: environmentId } },
        ...callInit(options),
      });
      return dataOrThrow(datadogErrors, 'GetFeatureFlagsEnvironment', result).data;
    },
    async update(environmentId, attributes, options) {
      const result = await client.PUT(environmentPath, {
        params: { path: { environment_id: environmentId } },
        body: { data: { type: 'environments', attributes } },
        ...callInit(options),
      });
      return dataOrThrow(datadogErrors, 'UpdateFeatureFlagsEnvironment', result).data;
    },
  };
}
