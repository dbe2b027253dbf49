import { ApiError } from '../http/api-error.ts';
import { toApiError, validatorErrorItems } from '../http/to-api-error.ts';
import { DatadogApiError } from './error-envelope.ts';

/** The permission Datadog names when an application key may read environments but not change them. */
export const writePermission = 'feature_flag_environment_config_write';

type ValidatorItem = ReturnType<typeof validatorErrorItems>[number];

/** One finding in the shared wording, except the id check, which Datadog words as its own example does. */
function describeFinding(item: ValidatorItem): string {
  if (item.path === '/params/environment_id' && item.errorCode === 'format.openapi.validation')
    return 'environment_id must be a UUID';
  return toApiError({ status: 400, errors: [item] }).message;
}

/**
 * Re-words the shared failures the way Datadog reports them:
 * - a 400 from validation lists each finding as its own string, as Datadog's `errors` array does;
 * - a 403 that is not an authentication failure can only be a read-only key writing, which Datadog
 *   reports as the missing write permission (403s for unknown keys carry code `unauthenticated`);
 * - the validator's 415 ("unsupported media type text/plain", or "... undefined" when the header is
 *   absent) becomes an instruction to send JSON.
 * The shared machinery has already turned the validator's 401 for a missing key header into 403.
 */
export function adaptDatadogError(error: ApiError, cause: unknown): ApiError {
  const items = validatorErrorItems(cause);
  if (error.status === 400 && items.length > 0) {
    return new DatadogApiError(400, items.map(describeFinding), {
      ...(error.code ? { code: error.code } : {}),
      headers: error.headers,
    });
  }
  if (error.status === 403 && error.code !== 'unauthenticated') {
    return new ApiError(403, `Forbidden: the application key is missing the ${writePermission} permission`, {
      code: 'missing_permission',
      headers: error.headers,
    });
  }
  const mediaType = /^unsupported media type (.*)$/.exec(error.message)?.[1];
  if (error.status === 415 && mediaType !== undefined) {
    const got = mediaType === 'undefined' ? 'the request has no Content-Type' : `got ${mediaType}`;
    return new ApiError(415, `Unsupported Media Type: send the body as application/json (${got})`, {
      code: 'unsupported_media_type',
      headers: error.headers,
    });
  }
  return error;
}
