import { isStoreUnavailable } from '../store/store-unavailable-error.ts';
import { ApiError, isApiError } from './api-error.ts';

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

/** Shape of express-openapi-validator's HttpError and body-parser's errors, read defensively. */
interface HttpLikeError {
  status?: number;
  type?: string;
  code?: string;
  message?: string;
  errors?: ValidatorErrorItem[];
  headers?: Record<string, string>;
  limit?: number;
}

const requestLocations = /^[./]?(body|params|query|headers|path|response)\b/;

function describeValidatorErrors(items: ValidatorErrorItem[]): string {
  return items
    .map((item) => {
      const message = item.message ?? 'is invalid';
      const path = item.path ?? '';
      // Only request locations (`/body/config`, `.headers.if-match`) say where; route paths do not.
      if (!requestLocations.test(path)) return message;
      let where = path.replace(/^[./]/, '').replaceAll('.', '/');
      // Ajv points a missing property at the property itself; name its parent instead.
      const missing = /^must have required property '(.+)'$/.exec(message)?.[1];
      if (missing && where.endsWith(`/${missing}`)) where = where.slice(0, -missing.length - 1);
      return `${where} ${message}`;
    })
    .join('; ');
}

function isResponseValidationError(http: HttpLikeError): boolean {
  if (http.errors?.some((item) => item.path?.startsWith('/response') || item.path?.startsWith('.response')))
    return true;
  return /no schema defined for status code|response should NOT have a body|response body required/.test(
    http.message ?? '',
  );
}

/**
 * Turns anything thrown while serving a request into an ApiError with a message that says what was
 * wrong and where. Unknown errors become a bare 500 so no internals reach the client.
 */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (isStoreUnavailable(error)) {
    // Not the request's fault and not a bug: say so, and when to come back. The cause is only logged.
    const seconds = error.retryAfterSeconds;
    return new ApiError(
      503,
      `the state store is unavailable; retry in ${seconds} s (a write answered 503 may or may not have been applied)`,
      { code: 'store_unavailable', headers: { 'Retry-After': String(seconds) } },
    );
  }
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  switch (http.type) {
    case 'entity.parse.failed':
      return new ApiError(400, `request body is not valid JSON: ${http.message ?? 'parse error'}`, {
        code: 'malformed_json',
      });
    case 'entity.too.large':
      return new ApiError(413, `request body exceeds the ${http.limit ?? 'configured'}-byte limit`, {
        code: 'payload_too_large',
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, http.message ?? 'unsupported content encoding', { code: 'unsupported_media_type' });
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError(400, 'request body was incomplete', { code: 'incomplete_body' });
    default:
      break;
  }
  // zlib's errors, from a body whose Content-Encoding (gzip, deflate, br) does not match its bytes.
  if (typeof http.code === 'string' && http.code.startsWith('Z_')) {
    return new ApiError(
      400,
      `request body could not be decoded as its Content-Encoding says: ${http.message ?? 'corrupt data'}`,
      { code: 'malformed_body' },
    );
  }
  const status = typeof http.status === 'number' ? http.status : 500;
  if (status === 500 && isResponseValidationError(http)) {
    // Our own response broke the spec: say where, since it is a bug in this server, not the client.
    const detail = http.errors?.length ? describeValidatorErrors(http.errors) : (http.message ?? '');
    return new ApiError(500, `the server's response does not conform to the spec (a reference-server bug): ${detail}`, {
      code: 'response_validation_failed',
    });
  }
  if (status >= 500 || status < 400) {
    return new ApiError(500, 'internal server error', { code: 'internal_error' });
  }
  const message = http.errors?.length ? describeValidatorErrors(http.errors) : (http.message ?? 'request rejected');
  if (status === 400 && /^malformed uri/.test(message)) {
    return new ApiError(
      400,
      'the request path is not valid percent-encoded UTF-8: encode each path segment with encodeURIComponent',
      { code: 'malformed_path' },
    );
  }
  // The validator answers a path outside the spec with a bare 'not found' before any route runs.
  if (status === 404 && (!http.errors?.length || http.errors.every((item) => item.message === 'not found'))) {
    return new ApiError(404, 'no such route', { code: 'route_not_found' });
  }
  if (status === 405) {
    const allowed = http.headers?.Allow ?? '';
    return new ApiError(405, `${message.split(' ')[0]} is not allowed on this path; allowed methods: ${allowed}`, {
      code: 'method_not_allowed',
      headers: { Allow: allowed },
    });
  }
  const code = status === 415 ? 'unsupported_media_type' : status === 405 ? 'method_not_allowed' : undefined;
  return new ApiError(status, message, {
    ...(code ? { code } : {}),
    ...(http.headers ? { headers: http.headers } : {}),
  });
}

/** The validator's individual findings, for vendors that re-map some of them (e.g. a missing header). */
export function validatorErrorItems(error: unknown): ValidatorErrorItem[] {
  const items = (error as HttpLikeError | undefined)?.errors;
  return Array.isArray(items) ? items : [];
}
