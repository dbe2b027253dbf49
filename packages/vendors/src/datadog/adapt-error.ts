import { readNotPermittedCode } from '../access/access-gate.ts';
import type { ApiError } from '../errors/api-error.ts';
import { describeFinding, type Finding } from '../errors/findings.ts';

/** The permission Datadog names when an application key may read environments but not change them. */
export const writePermission = 'feature_flag_environment_config_write';

/** The permission Datadog names when an application key may not read environments. */
export const readPermission = 'feature_flag_environment_config_read';

/** One finding in the shared wording, except the id check, which Datadog words as its own example does. */
function describeDatadogFinding(finding: Finding): string {
  if (finding.path === '/params/environment_id' && finding.errorCode === 'format.openapi.validation')
    return 'environment_id must be a UUID';
  return describeFinding(finding);
}

/**
 * Re-words the shared failures the way Datadog reports them:
 * - a 400 from validation lists each finding as its own string, as Datadog's `errors` array does;
 * - a 403 that is not an authentication failure (403s for unknown keys carry code `unauthenticated`)
 *   is a key missing a permission, which Datadog names: the read one for a write-only key reading,
 *   the write one for a read-only key writing;
 * - the shared 415 ("unsupported media type text/plain", or "... undefined" when the header is
 *   absent) becomes an instruction to send JSON.
 * The shared checks have already turned a 401 for a missing key header into 403.
 */
export function adaptDatadogError(error: ApiError): ApiError {
  if (error.status === 400 && error.findings.length > 0) {
    const details = error.findings.map(describeDatadogFinding);
    return error.with({ message: details.join('; '), details });
  }
  if (error.status === 403 && error.code !== 'unauthenticated') {
    const permission = error.code === readNotPermittedCode ? readPermission : writePermission;
    return error.with({
      message: `Forbidden: the application key is missing the ${permission} permission`,
      code: 'missing_permission',
    });
  }
  const mediaType = /^unsupported media type (.*)$/.exec(error.message)?.[1];
  if (error.status === 415 && mediaType !== undefined) {
    const got = mediaType === 'undefined' ? 'the request has no Content-Type' : `got ${mediaType}`;
    return error.with({
      message: `Unsupported Media Type: send the body as application/json (${got})`,
      code: 'unsupported_media_type',
    });
  }
  return error;
}
