import type { Client } from 'openapi-fetch';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest, paths } from '@envspec/types/fabro';
import { callInit, type CallOptions } from '../http/call-options.ts';
import { dataOrThrow } from '../http/vendor-error.ts';
import { etagOf, ifMatchValue, toReplaceRequest } from './etag.ts';
import { fabroErrors, isFabroError } from './fabro-error.ts';

const environmentPath = '/api/v1/environments/{id}';

/** An environment with the ETag it was served with. */
export interface FabroEnvironmentWithETag {
  environment: FabroEnvironment;
  /** The quoted revision from the `ETag` header; send it back as `If-Match`. */
  etag: string;
}

export interface ReplaceOptions extends CallOptions {
  /** The revision the change is based on: an ETag, or the environment you read. */
  ifMatch: string | Pick<FabroEnvironment, 'revision'>;
}

export interface UpdateWithOptions extends CallOptions {
  /** How many read-modify-write rounds to try before giving up on 409s. Default 3. */
  maxAttempts?: number;
}

/**
 * Builds the new definition from the current one. `draft` is a deep copy of the current definition
 * (without `id` and `revision`): change it in place, or return a new body. May run several times.
 */
export type EnvironmentChange = (
  draft: FabroReplaceEnvironmentRequest,
  current: FabroEnvironment,
  // biome-ignore lint/suspicious/noConfusingVoidType: a recipe may mutate the draft and return nothing
) => FabroReplaceEnvironmentRequest | void | Promise<FabroReplaceEnvironmentRequest | void>;

/** Fabro environments. Failures throw `FabroApiError` (or `UnexpectedResponseError`). */
export interface FabroEnvironments {
  /** `GET` the environment. */
  get(id: string, options?: CallOptions): Promise<FabroEnvironment>;
  /** `GET` the environment and the ETag to send as `If-Match`. */
  getWithETag(id: string, options?: CallOptions): Promise<FabroEnvironmentWithETag>;
  /**
   * Replace the whole definition (`PUT` with `If-Match`). A stale `ifMatch` throws a 409
   * `FabroApiError`; `updateWith` handles that for you. A body Fabro cannot accept (an unknown
   * field, a size it cannot parse, a Dockerfile `path`, a network mode the provider cannot enforce)
   * throws a 422.
   */
  replace(id: string, body: FabroReplaceEnvironmentRequest, options: ReplaceOptions): Promise<FabroEnvironment>;
  /**
   * Read-modify-write: GET, apply `change`, replace with the ETag read; on a 409 (someone else
   * changed it in between) start over, at most `maxAttempts` times, then throw the last 409.
   */
  updateWith(id: string, change: EnvironmentChange, options?: UpdateWithOptions): Promise<FabroEnvironment>;
}

export function fabroEnvironments(client: Client<paths>): FabroEnvironments {
  const getWithETag: FabroEnvironments['getWithETag'] = async (id, options) => {
    const result = await client.GET(environmentPath, { params: { path: { id } }, ...callInit(options) });
    const environment = dataOrThrow(fabroErrors, 'retrieveEnvironment', result);
    return { environment, etag: result.response.headers.get('etag') ?? etagOf(environment) };
  };
  const replace: FabroEnvironments['replace'] = async (id, body, options) => {
    const result = await client.PUT(environmentPath, {
      params: { path: { id }, header: { 'If-Match': ifMatchValue(options.ifMatch) } },
      body,
      ...callInit(options),
    });
    return dataOrThrow(fabroErrors, 'replaceEnvironment', result);
  };
  return {
    getWithETag,
    replace,
    async get(id, options) {
      return (await getWithETag(id, options)).environment;
    },
    async updateWith(id, change, options = {}) {
      const { maxAttempts = 3, ...callOptions } = options;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new RangeError(`updateWith: maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
      }
      for (let attempt = 1; ; attempt += 1) {
        const { environment, etag } = await getWithETag(id, callOptions);
        const draft = toReplaceRequest(environment);
        const body = (await change(draft, environment)) ?? draft;
        try {
          return await replace(id, body, { ...callOptions, ifMatch: etag });
        } catch (error) {
          const conflict = isFabroError(error, 'replaceEnvironment') && error.status === 409;
          if (!conflict || attempt >= maxAttempts) throw error;
        }
      }
    },
  };
}
