import { resolve, type OpenApiDocument, type OperationObject, type Reference } from '@envspec/specs';
import { ApiError, type HeaderLookup } from '@envspec/vendors';

interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
}

/** A scheme's presence check, in express-openapi-validator's words (what the reference server answers). */
function missingFrom(scheme: SecurityScheme, header: HeaderLookup): string | undefined {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) {
    return header(scheme.name) ? undefined : `'${scheme.name}' header required`;
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') {
    const authorization = header('authorization')?.toLowerCase();
    if (authorization && !authorization.includes('bearer')) return "Authorization header with scheme 'Bearer' required";
    if (!authorization) return 'Authorization header required';
  }
  return undefined;
}

/**
 * The operation's security requirements as the reference server's validator checks them before
 * anything else about the request: each scheme of a requirement must be present in its header
 * (any one requirement may pass), then `authorize` decides whether the credential may call it.
 * Returns the failure of the first requirement, raw (the vendor's wording comes later).
 */
export function checkSecurity(
  document: OpenApiDocument,
  operation: OperationObject,
  header: HeaderLookup,
  authorize: () => ApiError | undefined,
): ApiError | undefined {
  const requirements = operation.security ?? document.security ?? [];
  if (requirements.length === 0) return undefined;
  const schemes = (document.components?.securitySchemes ?? {}) as Record<string, SecurityScheme | Reference>;
  let firstFailure: ApiError | undefined;
  for (const requirement of requirements) {
    let failure: ApiError | undefined;
    for (const name of Object.keys(requirement)) {
      const node = schemes[name];
      const missing =
        node === undefined ? `security scheme ${name} is not defined` : missingFrom(resolve(document, node), header);
      failure = missing === undefined ? authorize() : new ApiError(401, missing);
      if (failure) break;
    }
    if (!failure) return undefined;
    firstFailure ??= failure;
  }
  return firstFailure;
}
