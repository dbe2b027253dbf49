/**
 * How each vendor reports a failure: its status for it, its code, its wording and its envelope. The
 * mock borrows all of it from the reference server's vendor modules (`adaptError`, `renderError`),
 * so an envelope is declared once, in `packages/server/src/<vendor>/`, and the mock and the server
 * cannot drift apart.
 */
import type { Vendor } from '@envspec/specs/vendors';
import { ApiError, jsonNestingDepth, toApiError, vendorModules } from '@envspec/server';

export { ApiError, jsonNestingDepth };

/** A validator finding in express-openapi-validator's terms, which the vendor modules re-map. */
export interface Finding {
  /** Where, e.g. `/body/name`, `/headers/if-match`, `/params/environment_id`. */
  path: string;
  /** What, in Ajv's words, e.g. `must be string`. */
  message: string;
  /** Ajv keyword + `.openapi.validation`, e.g. `required.openapi.validation`. */
  errorCode: string;
}

export interface VendorErrors {
  vendor: Vendor;
  /** Re-maps a failure to the vendor's documented status, code and wording (Fabro: missing If-Match → 428). */
  adapt(error: ApiError, cause?: unknown): ApiError;
  /** Request validation findings (status 400 unless the vendor documents another for them). */
  invalidRequest(findings: Finding[]): ApiError;
  /** A failure described by the shared machinery's error shapes (`entity.parse.failed`, …). */
  fromShared(cause: unknown): ApiError;
  /** Missing or unusable credentials: 401, or 403 for Datadog, with how to authenticate. */
  unauthenticated(detail: string): ApiError;
  /** The vendor's error envelope. */
  render(error: ApiError, requestId: string): unknown;
}

/** The error behaviour of one vendor. */
export function vendorErrors(vendor: Vendor): VendorErrors {
  const module = vendorModules[vendor];
  const adapt = (error: ApiError, cause?: unknown) => module.adaptError(error, cause ?? error);
  return {
    vendor,
    adapt,
    invalidRequest(findings) {
      const cause = { status: 400, errors: findings };
      return adapt(toApiError(cause), cause);
    },
    fromShared: (cause) => adapt(toApiError(cause), cause),
    // Mirrors the reference server's handling of a failed security check.
    unauthenticated: (detail) =>
      adapt(new ApiError(module.unauthenticatedStatus, `${detail}: ${module.authHint}`, { code: 'unauthenticated' })),
    render: (error, requestId) => module.renderError(error, requestId),
  };
}
