/**
 * How each vendor reports a failure: its status for it, its code, its wording and its envelope,
 * all from the vendor core (`@envspec/vendors`), which the reference server uses too, so the mock
 * and the server cannot drift apart.
 */
import type { Vendor } from '@envspec/specs';
import { ApiError, explainAuthentication, invalidRequest, vendorCore, type Finding } from '@envspec/vendors';

export { ApiError, type Finding };

export interface VendorErrors {
  vendor: Vendor;
  /** Re-maps a failure to the vendor's documented status, code and wording (Fabro: missing If-Match → 428). */
  adapt(error: ApiError): ApiError;
  /** Request validation findings (status 400 unless the vendor documents another for them). */
  invalidRequest(findings: Finding[]): ApiError;
  /** Missing or unusable credentials: 401, or 403 for Datadog, with how to authenticate. */
  unauthenticated(detail: string): ApiError;
  /** The vendor's error envelope. */
  render(error: ApiError, requestId: string): unknown;
}

/** The error behaviour of one vendor. */
export function vendorErrors(vendor: Vendor): VendorErrors {
  const core = vendorCore(vendor);
  const adapt = (error: ApiError) => core.adaptError(error);
  return {
    vendor,
    adapt,
    invalidRequest: (findings) => adapt(invalidRequest(findings)),
    // As the reference server words a failed security check.
    unauthenticated: (detail) => adapt(explainAuthentication(core, new ApiError(401, detail), undefined)),
    render: (error, requestId) => core.renderError(error, requestId),
  };
}
