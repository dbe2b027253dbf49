import { sha256 } from '@noble/hashes/sha2.js';
import type { Credential } from './credential.ts';

const encoder = new TextEncoder();

function digest(value: string): Uint8Array {
  return sha256(encoder.encode(value));
}

/** Whether two digests are equal, looking at every byte whatever differs first. */
function sameDigest(left: Uint8Array, right: Uint8Array): boolean {
  let difference = left.length ^ right.length;
  for (let index = 0; index < left.length; index += 1) difference |= left[index]! ^ (right[index] ?? 0);
  return difference === 0;
}

/** Each configured credential's digest, computed once (credentials are fixed for a server's life). */
const secretDigests = new WeakMap<Credential, { secret: string; digest: Uint8Array }>();
function secretDigest(credential: Credential): Uint8Array {
  const cached = secretDigests.get(credential);
  if (cached?.secret === credential.secret) return cached.digest;
  const computed = digest(credential.secret);
  secretDigests.set(credential, { secret: credential.secret, digest: computed });
  return computed;
}

/**
 * Finds the credential whose secret equals `presented`, comparing fixed-length SHA-256 digests
 * byte by byte without stopping early and visiting every credential, so neither the match position
 * nor the length leaks. Pure JavaScript (noble's SHA-256), so it runs in a browser as in Node.
 */
export function findCredential(
  credentials: readonly Credential[],
  presented: string | undefined,
): Credential | undefined {
  if (presented === undefined || presented === '') return undefined;
  const presentedDigest = digest(presented);
  let found: Credential | undefined;
  for (const credential of credentials) {
    if (sameDigest(secretDigest(credential), presentedDigest) && !found) found = credential;
  }
  return found;
}
