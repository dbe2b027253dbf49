import type { Request, Router } from 'express';
import type { OpenApiDocument } from '@envspec/specs';
import type { Vendor } from '@envspec/specs/vendors';
import type { Credential } from '../auth/credentials.ts';
import type { Store } from '../store/store.ts';
import type { ApiError } from './api-error.ts';
import type { RateLimitState } from './rate-limiter.ts';

/** What a vendor's routes get to work with. */
export interface VendorContext<Resource> {
  store: Store<Resource>;
  clock: () => Date;
  document: OpenApiDocument;
  limits: { maxPatchOperations: number };
}

/**
 * Everything vendor-specific about a reference server. The shared machinery in `http/` does the
 * rest (request ids, body parsing, validation, auth, rate limiting, errors, logging).
 */
export interface VendorModule<Resource> {
  vendor: Vendor;
  /** The credential secret a request presents, in the vendor's scheme, or undefined. */
  presentedSecret(req: Request): string | undefined;
  /** Demo credentials used when none are configured (documented in the README). */
  demoCredentials: Credential[];
  /** How to authenticate, appended to every authentication failure. */
  authHint: string;
  /** Status for a missing or unknown credential (Datadog answers 403, others 401). */
  unauthenticatedStatus: 401 | 403;
  /** Re-maps a generic failure to the vendor's documented status and code. */
  adaptError(error: ApiError, cause: unknown): ApiError;
  /** The vendor's error envelope. */
  renderError(error: ApiError, requestId: string): unknown;
  /** Headers describing the rate-limit window; `onEveryResponse` says whether non-429s carry them too. */
  rateLimitHeaders(state: RateLimitState, now: number): Record<string, string>;
  rateLimitHeadersOnEveryResponse: boolean;
  /** Store key and value for each fixture, taken from the spec's examples. */
  seed(document: OpenApiDocument): Array<readonly [string, Resource]>;
  /** Registers the vendor's operations. */
  routes(router: Router, context: VendorContext<Resource>): void;
}
