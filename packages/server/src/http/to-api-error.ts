import { ApiError, describeFindings, knownFailure, protocolErrors, type Finding } from '@envspec/vendors';

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
  encoding?: string;
}

function isResponseValidationError(http: HttpLikeError): boolean {
  if (http.errors?.some((item) => item.path?.startsWith('/response') || item.path?.startsWith('.response')))
    return true;
  return /no schema defined for status code|response should NOT have a body|response body required/.test(
    http.message ?? '',
  );
}

/** The validator's individual findings, in the vendor core's terms. */
function findingsOf(http: HttpLikeError): Finding[] {
  return (Array.isArray(http.errors) ? http.errors : []).map((item) => ({
    path: item.path ?? '',
    message: item.message ?? 'is invalid',
    errorCode: item.errorCode ?? '',
  }));
}

/**
 * Turns anything thrown while serving a request (express-openapi-validator's and body-parser's
 * errors, zlib's, ours) into an ApiError with the vendor core's wording for protocol failures and
 * the validator's findings kept. Unknown errors become a bare 500 so no internals reach the client.
 */
export function toApiError(error: unknown): ApiError {
  // An ApiError, or an unavailable store (503 with Retry-After): the core says what they mean.
  const known = knownFailure(error);
  if (known) return known;
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  switch (http.type) {
    case 'entity.too.large':
      return protocolErrors.payloadTooLarge(http.limit);
    case 'encoding.unsupported':
      return protocolErrors.unsupportedEncoding(http.encoding ?? 'unknown');
    case 'request.aborted':
    case 'request.size.invalid':
      return protocolErrors.incompleteBody();
    default:
      break;
  }
  // zlib's errors, from a body whose Content-Encoding (gzip, deflate, br) does not match its bytes.
  if (typeof http.code === 'string' && http.code.startsWith('Z_'))
    return protocolErrors.corruptEncoding(http.message ?? 'corrupt data');
  const status = typeof http.status === 'number' ? http.status : 500;
  const findings = findingsOf(http);
  if (status === 500 && isResponseValidationError(http)) {
    // Our own response broke the spec: say where, since it is a bug in this server, not the client.
    const detail = findings.length ? describeFindings(findings) : (http.message ?? '');
    return new ApiError(500, `the server's response does not conform to the spec (a reference-server bug): ${detail}`, {
      code: 'response_validation_failed',
    });
  }
  if (status >= 500 || status < 400) return protocolErrors.internalError();
  const message = findings.length ? describeFindings(findings) : (http.message ?? 'request rejected');
  if (status === 400 && /^malformed uri/.test(message)) return protocolErrors.malformedPath();
  // The validator answers a path outside the spec with a bare 'not found' before any route runs.
  if (status === 404 && (!findings.length || findings.every((finding) => finding.message === 'not found'))) {
    return new ApiError(404, 'no such route', { code: 'route_not_found' });
  }
  if (status === 405) {
    const allowed = http.headers?.Allow ?? '';
    return protocolErrors.methodNotAllowed(message.split(' ')[0] ?? '', allowed ? allowed.split(', ') : []);
  }
  return new ApiError(status, message, {
    ...(status === 415 ? { code: 'unsupported_media_type' } : {}),
    ...(http.headers ? { headers: http.headers } : {}),
    findings,
  });
}
