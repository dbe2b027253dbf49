/**
 * The failures of the HTTP exchange itself, before any vendor semantics: one wording and status
 * for each, used by the reference server and the mock alike, so both say the same thing. Each is
 * raw: the vendor's `adaptError` and envelope come after (see `answer.ts`).
 */
import { ApiError } from '../errors/api-error.ts';
import type { ConnectionLimits } from './limits.ts';

export function malformedJson(detail: string): ApiError {
  return new ApiError(400, `request body is not valid JSON: ${detail}`, { code: 'malformed_json' });
}

export function notUtf8(): ApiError {
  return new ApiError(400, 'request body is not valid UTF-8: send JSON encoded as UTF-8', { code: 'malformed_json' });
}

/** A body whose declared charset (other than UTF-8) does not fit its bytes. */
export function notInCharset(charset: string): ApiError {
  return new ApiError(
    400,
    `request body is not valid ${charset.toUpperCase()} as its Content-Type says: send JSON encoded as UTF-8`,
    { code: 'malformed_json' },
  );
}

export function bodyTooDeep(depth: number, maxDepth: number): ApiError {
  return new ApiError(400, `request body nests ${depth} levels deep; at most ${maxDepth} are accepted`, {
    code: 'body_too_deep',
  });
}

/**
 * A body over the limit. `declaredBytes` when the Content-Length alone gave it away; `close` when
 * the body is not read to its end, so the connection cannot be reused.
 */
export function payloadTooLarge(
  limitBytes: number | undefined,
  { declaredBytes, close = false }: { declaredBytes?: number; close?: boolean } = {},
): ApiError {
  const limit = `the ${limitBytes ?? 'configured'}-byte limit`;
  const message =
    declaredBytes === undefined
      ? `request body exceeds ${limit}`
      : `request body of ${declaredBytes} bytes exceeds ${limit}`;
  return new ApiError(413, message, {
    code: 'payload_too_large',
    ...(close ? { headers: { Connection: 'close' } } : {}),
  });
}

/** No body parser for this Content-Type (`undefined` when there is none), in express-openapi-validator's words. */
export function unsupportedMediaType(contentType: string | undefined): ApiError {
  return new ApiError(415, `unsupported media type ${contentType}`, { code: 'unsupported_media_type' });
}

export function unsupportedEncoding(encoding: string): ApiError {
  return new ApiError(
    415,
    `unsupported content encoding "${encoding}": send the body uncompressed, or gzip, deflate or br`,
    { code: 'unsupported_media_type' },
  );
}

export function corruptEncoding(detail: string): ApiError {
  return new ApiError(400, `request body could not be decoded as its Content-Encoding says: ${detail}`, {
    code: 'malformed_body',
  });
}

export function incompleteBody(): ApiError {
  return new ApiError(400, 'request body was incomplete', { code: 'incomplete_body' });
}

export function malformedPath(): ApiError {
  return new ApiError(
    400,
    'the request path is not valid percent-encoded UTF-8: encode each path segment with encodeURIComponent',
    { code: 'malformed_path' },
  );
}

export function routeNotFound(method: string, path: string): ApiError {
  return new ApiError(404, `no route ${method} ${path}: see the API reference for this vendor's paths`, {
    code: 'route_not_found',
  });
}

export function methodNotAllowed(method: string, allowed: readonly string[]): ApiError {
  const allow = allowed.join(', ');
  return new ApiError(405, `${method} is not allowed on this path; allowed methods: ${allow}`, {
    code: 'method_not_allowed',
    headers: { Allow: allow },
  });
}

export function internalError(): ApiError {
  return new ApiError(500, 'internal server error', { code: 'internal_error' });
}

/** The store did not answer: not the request's fault, so say when to come back (the cause is only logged). */
export function storeUnavailable(retryAfterSeconds: number): ApiError {
  return new ApiError(
    503,
    `the state store is unavailable; retry in ${retryAfterSeconds} s (a write answered 503 may or may not have been applied)`,
    { code: 'store_unavailable', headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

export function headersTooLarge(limits: Pick<ConnectionLimits, 'maxHeaderBytes'>): ApiError {
  return new ApiError(
    431,
    `request headers are too large: the request line and headers exceed the ${limits.maxHeaderBytes}-byte limit; send fewer or smaller headers`,
    { code: 'headers_too_large' },
  );
}

export function requestTimeout(limits: Pick<ConnectionLimits, 'headersTimeoutMs' | 'requestTimeoutMs'>): ApiError {
  return new ApiError(
    408,
    `the request was not received in time (headers within ${limits.headersTimeoutMs} ms, the whole request within ${limits.requestTimeoutMs} ms): send it without pausing`,
    { code: 'request_timeout' },
  );
}

/**
 * The answer to a failure Node's HTTP parser reports before any handler runs (its `clientError`),
 * from the error's `code` and llhttp's `reason`; anything unknown is a malformed request.
 */
export function clientError(
  { code, reason }: { code?: string | undefined; reason?: unknown },
  limits: ConnectionLimits,
): ApiError {
  if (code === 'HPE_HEADER_OVERFLOW') return headersTooLarge(limits);
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return requestTimeout(limits);
  if (code === 'HPE_INVALID_EOF_STATE')
    return new ApiError(400, 'the connection was closed before the whole request arrived', {
      code: 'incomplete_request',
    });
  // llhttp's reason ("Invalid char in url path", "Invalid header token") says what was wrong without saying anything about the server.
  const detail = typeof reason === 'string' && /^[\w ,.'-]{1,80}$/.test(reason) ? ` (${reason.toLowerCase()})` : '';
  return new ApiError(
    400,
    `malformed HTTP request${detail}: send an HTTP/1.1 request with a percent-encoded path and valid headers`,
    { code: 'malformed_request' },
  );
}
