import { createHash, timingSafeEqual } from 'node:crypto';

export type Access = 'read' | 'write';

/** A credential the server accepts, and what it may do. */
export interface Credential {
  /** Stable name used in logs and rate limiting; never the secret. */
  id: string;
  /** The secret as the client sends it (for Datadog: `<api key>:<application key>`). */
  secret: string;
  access: Access;
  /** Per-credential rate limit, overriding the server's. */
  rateLimit?: RateLimitRule;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Finds the credential whose secret equals `presented`, comparing fixed-length digests in constant
 * time and visiting every credential, so neither the match position nor the length leaks.
 */
export function findCredential(credentials: readonly Credential[], presented: string | undefined): Credential | undefined {
  if (presented === undefined || presented === '') return undefined;
  const presentedDigest = digest(presented);
  let found: Credential | undefined;
  for (const credential of credentials) {
    if (timingSafeEqual(digest(credential.secret), presentedDigest) && !found) found = credential;
  }
  return found;
}
