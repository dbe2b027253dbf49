import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
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
 * computed this way, so a client can check them. Synchronous on purpose (noble's SHA-256, not
 * WebCrypto's async `digest`): a replace and the fixtures stay plain functions in a browser too.
 */
export function revisionOf(definition: Omit<FabroEnvironment, 'revision'>): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical(definition)))));
}

/**
 * The environment a replace stores: the path id (authoritative), the settings (already in their
 * canonical form, see `canonicalSettings`), and their revision.
 */
export function fabroEnvironment(id: string, body: FabroReplaceEnvironmentRequest): FabroEnvironment {
  const definition = { id, ...body };
  return { id, revision: revisionOf(definition), ...body };
}
