import type { Client } from 'openapi-fetch';
import type { LaunchDarklyEnvironment, LaunchDarklyJSONPatch, paths } from '@envspec/types/launchdarkly';
import { callInit, type CallOptions, type NonIdempotentCallOptions } from '../http/call-options.ts';
import { dataOrThrow } from '../http/vendor-error.ts';
import { launchDarklyErrors } from './launchdarkly-error.ts';
import type { LaunchDarklyPatch } from './patch.ts';

const environmentPath = '/api/v2/projects/{projectKey}/environments/{environmentKey}';

/** LaunchDarkly environments. Failures throw `LaunchDarklyApiError` (or `UnexpectedResponseError`). */
export interface LaunchDarklyEnvironments {
  /** `GET` the environment `environmentKey` of project `projectKey`. */
  get(projectKey: string, environmentKey: string, options?: CallOptions): Promise<LaunchDarklyEnvironment>;
  /**
   * Apply a JSON Patch (`PATCH`), all or nothing; a failing `test` throws a 409
   * `LaunchDarklyApiError` (`optimistic_locking_error`). Not retried by the retry middleware unless
   * `idempotent: true` (an `add` to an array is not safe to repeat).
   */
  patch(
    projectKey: string,
    environmentKey: string,
    operations: LaunchDarklyPatch | LaunchDarklyJSONPatch,
    options?: NonIdempotentCallOptions,
  ): Promise<LaunchDarklyEnvironment>;
}

export function launchDarklyEnvironments(client: Client<paths>): LaunchDarklyEnvironments {
  return {
    async get(projectKey, environmentKey, options) {
      const result = await client.GET(environmentPath, {
        params: { path: { projectKey, environmentKey } },
        ...callInit(options),
      });
      return dataOrThrow(launchDarklyErrors, 'getEnvironment', result);
    },
    async patch(projectKey, environmentKey, operations, options) {
      const body: LaunchDarklyJSONPatch = Array.isArray(operations) ? operations : operations.build();
      const result = await client.PATCH(environmentPath, {
        params: { path: { projectKey, environmentKey } },
        body,
        ...callInit(options),
      });
      return dataOrThrow(launchDarklyErrors, 'patchEnvironment', result);
    },
  };
}
