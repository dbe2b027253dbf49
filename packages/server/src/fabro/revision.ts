import { createHash } from 'node:crypto';
import type { FabroEnvironment, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';

/** Object keys sorted recursively, so equal definitions serialize to the same bytes whatever the key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.keys(value)
    .sort()
    .map((key) => [key, canonical((value as Record<string, unknown>)[key])]);
  return Object.fromEntries(entries);
}

/**
 * Fabro's `revision`: the SHA-256 hex digest of the canonical stored definition, i.e. the
 * environment without its `revision`, serialized as JSON with keys sorted. The spec's examples were
 * computed this way, so a client can check them.
 */
export function revisionOf(definition: Omit<FabroEnvironment, 'revision'>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(definition)), 'utf8')
    .digest('hex');
}

/** The environment a replace stores: the path id (authoritative), the body, and their revision. */
export function fabroEnvironment(id: string, body: FabroReplaceEnvironmentRequest): FabroEnvironment {
  const definition = { id, ...body };
  return { id, revision: revisionOf(definition), ...body };
}
