/**
 * The static and dynamic mocks accept the documented demo credentials and nothing else, as stateful
 * mode and the reference server do: anything else gets the vendor's own refusal (401; Datadog 403),
 * and a read-only demo credential may read but not write (403). A frontend can so build its "bad
 * token" state against the mock, and a token that works on the mock works on the reference server.
 * The credentials, how each vendor presents them, the check and its wording are the vendor core's
 * (`@envspec/vendors`) and the stateful engine's security check, so the modes cannot drift apart.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OpenApiDocument, OperationObject, Vendor } from '@envspec/specs';
import { AccessGate, demoCredential, explainAuthentication, vendorCore } from '@envspec/vendors';
import { checkSecurity } from '../stateful/security-check.ts';
import type { VendorErrors } from './vendor-errors.ts';

/** Throws the vendor's refusal when a request to `operation` does not present a demo credential allowed to make it. */
export type CredentialCheck = (method: string, operation: OperationObject, headers: IncomingHttpHeaders) => void;

function headerLookup(headers: IncomingHttpHeaders): (name: string) => string | undefined {
  return (name) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
}

export function demoCredentialCheck(vendor: Vendor, document: OpenApiDocument, errors: VendorErrors): CredentialCheck {
  const core = vendorCore(vendor);
  // No rate limits here: static answers keep no state to count in (ask for the 429 with Prefer).
  const gate = new AccessGate(core);
  const example = demoCredential(vendor, 'write')?.secret;
  return (method, operation, headers) => {
    const header = headerLookup(headers);
    const credential = gate.identify(header);
    const refused = checkSecurity(document, operation, header, () => gate.authorize(credential, method));
    if (!refused) return;
    const failure = errors.adapt(explainAuthentication(core, refused, credential));
    if (credential || failure.status !== core.credentials.unauthenticatedStatus) throw failure;
    // The mock's own addition: which credentials it takes, so the fix is one copy away.
    throw failure.with({
      message: `${failure.message} (this mock takes the demo credentials the README lists; the write one is '${example}')`,
    });
  };
}
