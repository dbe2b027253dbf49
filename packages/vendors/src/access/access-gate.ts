import type { Credential, HeaderLookup, RateLimitRule } from '../credentials/credential.ts';
import { findCredential } from '../credentials/find-credential.ts';
import { ApiError } from '../errors/api-error.ts';
import { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { retryAfterSeconds } from '../rate-limit/retry-after.ts';
import type { AnyVendorCore } from '../vendor-core.ts';

export interface AccessGateOptions {
  /** The credentials accepted; default the vendor's demo credentials. */
  credentials?: readonly Credential[];
  /** Rate limit for every credential without its own; undefined: only those with their own are limited. */
  rateLimit?: RateLimitRule;
  /** Epoch milliseconds now (tests pass a fake clock). */
  now?: () => number;
}

/** What metering one request against its credential's rate limit decided. */
export interface Metered {
  /** Rate-limit headers for the answer, whatever it is (empty unless the vendor sends them on every answer). */
  headers: Record<string, string>;
  /** The 429, when the credential is over its limit. */
  refusal?: ApiError;
}

/** What `authorize` says of a credential that is not one of the accepted ones (as opposed to none at all). */
export const unknownCredentialMessage = 'the credential is unknown or malformed';

/** The code of `authorize`'s refusal of a read by a credential that may only write. */
export const readNotPermittedCode = 'read_not_permitted';

const writeMethods = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/**
 * Who a request is and whether it may go on, as every server of a vendor decides it: which
 * credential it presents (in the vendor's scheme), whether that credential is over its rate limit,
 * and whether it may call the method. Holds the rate-limit windows, so one gate serves one vendor
 * for the life of a server or mock.
 */
export class AccessGate {
  private readonly credentials: readonly Credential[];
  private readonly limiter: RateLimiter;
  private readonly now: () => number;

  constructor(
    private readonly core: AnyVendorCore,
    private readonly options: AccessGateOptions = {},
  ) {
    this.credentials = options.credentials ?? core.credentials.demo;
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(this.now);
  }

  /** The credential the request presents, if it is one of the accepted ones. */
  identify(header: HeaderLookup): Credential | undefined {
    return findCredential(this.credentials, this.core.credentials.presented(header));
  }

  /**
   * Counts the request against its credential's limit (nothing for an unknown credential, no limit,
   * or a vendor that does not rate-limit).
   */
  meter(credential: Credential | undefined): Metered {
    const rule = credential?.rateLimit ?? this.options.rateLimit;
    const { rateLimit } = this.core;
    if (!credential || !rule || !rateLimit) return { headers: {} };
    const now = this.now();
    const state = this.limiter.consume(credential.id, rule);
    const headers = rateLimit.headers(state, now);
    const shown = rateLimit.onEveryResponse ? headers : {};
    if (state.allowed) return { headers: shown };
    const seconds = retryAfterSeconds(state, now);
    const refusal = new ApiError(
      429,
      `rate limit of ${state.limit} requests per ${state.windowMs / 1000} s exceeded for this credential; retry in ${seconds} s`,
      { code: 'rate_limited', headers },
    );
    return { headers: shown, refusal };
  }

  /**
   * Whether the identified credential may call `method`: none at all is the vendor's
   * unauthenticated status, a read-only one writing is 403, and so is a write-only one reading. Raw wording: `explainAuthentication`
   * adds how to authenticate.
   */
  authorize(credential: Credential | undefined, method: string): ApiError | undefined {
    if (!credential) return new ApiError(this.core.credentials.unauthenticatedStatus, unknownCredentialMessage);
    const writing = writeMethods.has(method.toUpperCase());
    if (writing && credential.access === 'read')
      return new ApiError(
        403,
        `credential '${credential.id}' is read-only and cannot ${method.toUpperCase()} this resource`,
      );
    if (!writing && credential.access === 'write-only')
      return new ApiError(403, `credential '${credential.id}' may write but not read this resource`, {
        code: readNotPermittedCode,
      });
    return undefined;
  }
}

/**
 * An authentication failure (a 401 from any check, or the vendor's unauthenticated status for a
 * request without a known credential) in the vendor's status, with how to authenticate and the
 * code `unauthenticated`; any other failure unchanged.
 */
export function explainAuthentication(
  core: AnyVendorCore,
  error: ApiError,
  credential: Credential | undefined,
): ApiError {
  const { unauthenticatedStatus, hint } = core.credentials;
  if (error.status !== 401 && (error.status !== unauthenticatedStatus || credential)) return error;
  return new ApiError(unauthenticatedStatus, `${error.message}: ${hint}`, { code: 'unauthenticated' });
}
