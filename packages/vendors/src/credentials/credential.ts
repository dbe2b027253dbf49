/**
 * What a credential may do: `read` only, `write` (and read), or `write-only`: write but not read,
 * like a key granted a vendor's write permission without its read permission (a read is 403).
 */
export type Access = 'read' | 'write' | 'write-only';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** A credential a server or mock accepts, and what it may do. */
export interface Credential {
  /** Stable name used in logs and rate limiting; never the secret. */
  id: string;
  /** The secret as the vendor's scheme carries it (for Datadog: `<api key>:<application key>`). */
  secret: string;
  access: Access;
  /** Per-credential rate limit, overriding the run's. */
  rateLimit?: RateLimitRule;
}

/**
 * A request header by name (any case), as whatever serves the request reads it: Express's
 * `req.get`, a WHATWG `Headers#get`. The only thing vendor code knows of a request's headers.
 */
export type HeaderLookup = (name: string) => string | undefined;
