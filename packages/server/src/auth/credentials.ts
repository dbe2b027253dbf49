import { hash, timingSafeEqual } from 'node:crypto';

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
  // One-shot `hash` (Node ≥ 20.12) is about twice as fast as `createHash` for a short string.
  return hash('sha256', value, 'buffer');
}

/** Each configured credential's digest, computed once (credentials are fixed for a server's life). */
const secretDigests = new WeakMap<Credential, { secret: string; digest: Buffer }>();
function secretDigest(credential: Credential): Buffer {
  const cached = secretDigests.get(credential);
  if (cached?.secret === credential.secret) return cached.digest;
  const computed = digest(credential.secret);
  secretDigests.set(credential, { secret: credential.secret, digest: computed });
  return computed;
}

/**
 * Finds the credential whose secret equals `presented`, comparing fixed-length digests in constant
 * time and visiting every credential, so neither the match position nor the length leaks.
 */
export function findCredential(
  credentials: readonly Credential[],
  presented: string | undefined,
): Credential | undefined {
  if (presented === undefined || presented === '') return undefined;
  const presentedDigest = digest(presented);
  let found: Credential | undefined;
  for (const credential of credentials) {
    if (timingSafeEqual(secretDigest(credential), presentedDigest) && !found) found = credential;
  }
  return found;
}
