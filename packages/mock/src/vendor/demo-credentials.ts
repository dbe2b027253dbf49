/**
 * The static and dynamic mocks accept the documented demo credentials and nothing else, as the
 * reference server (and so stateful mode) does: anything else gets the vendor's own refusal (401;
 * Datadog 403), and a read-only demo credential may read but not write (403). A frontend can so
 * build its "bad token" state against the mock, and a token that works on the mock works on the
 * reference server. The credentials, how each vendor presents them and the wording are the
 * reference server's (`vendorModules`), so the two cannot drift apart.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OpenApiDocument, OperationObject } from '@envspec/specs';
import type { Vendor } from '@envspec/specs/vendors';
import { vendorModules, type VendorModule } from '@envspec/server';
import { ApiError, type VendorErrors } from './vendor-errors.ts';

const writeMethods = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

type PresentedFrom = Parameters<VendorModule<unknown>['presentedSecret']>[0];

/** The one thing `presentedSecret` reads of an Express request: `get(header)`. */
function headerReader(headers: IncomingHttpHeaders): PresentedFrom {
  return {
    get: (name: string) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  } as unknown as PresentedFrom;
}

/** Whether calling `operation` needs credentials at all (an empty requirement `{}` makes them optional). */
function securedOperation(document: OpenApiDocument, operation: OperationObject): boolean {
  const requirements = operation.security ?? document.security ?? [];
  return requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).length > 0);
}

/** Throws the vendor's refusal when a request to `operation` does not present a demo credential allowed to make it. */
export type CredentialCheck = (method: string, operation: OperationObject, headers: IncomingHttpHeaders) => void;

export function demoCredentialCheck(vendor: Vendor, document: OpenApiDocument, errors: VendorErrors): CredentialCheck {
  const module = vendorModules[vendor];
  const bySecret = new Map(module.demoCredentials.map((credential) => [credential.secret, credential]));
  const example = module.demoCredentials.find((credential) => credential.access === 'write')?.secret;
  return (method, operation, headers) => {
    if (!securedOperation(document, operation)) return;
    const secret = module.presentedSecret(headerReader(headers));
    const credential = secret === undefined ? undefined : bySecret.get(secret);
    if (!credential) {
      const detail =
        secret === undefined
          ? 'the request has no credentials in the form this API expects'
          : `the credentials are not one of the mock's demo credentials (the README lists them; the write one is '${example}')`;
      throw errors.unauthenticated(detail);
    }
    if (writeMethods.has(method) && credential.access === 'read') {
      throw errors.adapt(
        new ApiError(403, `credential '${credential.id}' is read-only and cannot ${method} this resource`, {
          code: 'forbidden',
        }),
      );
    }
  };
}
