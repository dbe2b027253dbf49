import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';

/** An environment's ETag: its `revision` in double quotes, as the server sends it. */
export function etagOf(environment: Pick<FabroEnvironment, 'revision'>): string {
  return `"${environment.revision}"`;
}

/** The `If-Match` value for an ETag string, or for an environment read earlier. */
export function ifMatchValue(ifMatch: string | Pick<FabroEnvironment, 'revision'>): string {
  return typeof ifMatch === 'string' ? ifMatch : etagOf(ifMatch);
}

/**
 * A replace body holding everything `environment` holds: a deep copy without the server-managed
 * `id` and `revision`, which the replace endpoint rejects.
 */
export function toReplaceRequest(environment: FabroEnvironment): FabroReplaceEnvironmentRequest {
  const { id: _id, revision: _revision, ...definition } = structuredClone(environment);
  return definition;
}
