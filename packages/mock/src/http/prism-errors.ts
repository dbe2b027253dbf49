import type { IncomingHttpHeaders } from 'node:http';
import { protocolErrors } from '@envspec/vendors';
import { ApiError, type Finding, type VendorErrors } from '../vendor/vendor-errors.ts';

/** An upstream answer, read whole. */
export interface UpstreamReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** Header names as the engine spelled them (`X-Request-Id`), alternating with values. */
  rawHeaders?: string[];
  body: Buffer;
}

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location?: Array<string | number>;
  severity?: string;
  code?: string | number;
  message?: string;
}

/** Prism's RFC 7807 problem document (`application/problem+json`). */
interface PrismProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

/** What the front knows about the request a Prism error answers. */
export interface FailedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** Methods the spec documents on the matched path, if a path matched. */
  allowedMethods: readonly string[] | undefined;
  /** Whether the request chose a response with `Prefer: code=…/example=…`. */
  preferred: boolean;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Prism's violations of a request, from its `sl-violations` header; empty when absent or unreadable. */
export function prismViolations(headers: IncomingHttpHeaders): PrismViolation[] {
  const raw = header(headers, 'sl-violations');
  const parsed = raw === undefined ? undefined : parseJson(raw);
  return Array.isArray(parsed) ? (parsed as PrismViolation[]).filter((item) => item?.location?.[0] === 'request') : [];
}

/**
 * Whether Prism produced this answer itself rather than serving the spec: a problem document, a
 * response chosen because the request broke the spec (`sl-violations`), or its invalid-JSON reply.
 */
export function isPrismOwnError(reply: UpstreamReply): boolean {
  if (reply.status < 400) return false;
  if ((header(reply.headers, 'content-type') ?? '').startsWith('application/problem+json')) return true;
  if (prismViolations(reply.headers).length > 0) return true;
  const body = parseJson(reply.body.toString('utf8')) as { error?: { code?: unknown }; type?: unknown } | undefined;
  return body?.error?.code === 'invalid_json' && body.type === undefined;
}

/** The part of Prism's message that says what is wrong (`must be string`), without its "Request body property x" prefix. */
function what(message: string): string {
  const at = message.search(/\b(must|should)\b/);
  return at === -1 ? message : message.slice(at);
}

const locations: Record<string, string> = {
  body: 'body',
  header: 'headers',
  path: 'params',
  query: 'query',
  cookie: 'cookies',
};

/**
 * A Prism violation in express-openapi-validator's terms, which the vendor modules re-map: a
 * missing property is pointed at the property itself (`/headers/if-match`), as Ajv does there.
 */
export function violationToFinding(violation: PrismViolation): Finding {
  const [, kind = '', ...rest] = (violation.location ?? []).map(String);
  const message = what(violation.message ?? 'is invalid');
  const segments = [locations[kind] ?? kind, ...(kind === 'header' ? rest.map((name) => name.toLowerCase()) : rest)];
  const missing = violation.code === 'required' ? /required property '(.+)'/.exec(message)?.[1] : undefined;
  if (missing) segments.push(kind === 'header' ? missing.toLowerCase() : missing);
  return {
    path: `/${segments.filter(Boolean).join('/')}`,
    message,
    errorCode: `${String(violation.code ?? 'invalid')}.openapi.validation`,
  };
}

/** Appends Prism's own words when the vendor's wording dropped them. */
function keepDetail(error: ApiError, detail: string | undefined): ApiError {
  if (!detail || error.message.includes(detail)) return error;
  return new ApiError(error.status, `${error.message} (Prism: ${detail})`, {
    code: error.code,
    headers: error.headers,
  });
}

function isSecurity(violation: PrismViolation): boolean {
  return violation.code === 401 || violation.code === '401' || violation.code === 403 || violation.code === '403';
}

function fromViolations(
  reply: UpstreamReply,
  violations: PrismViolation[],
  request: FailedRequest,
  errors: VendorErrors,
): ApiError {
  const security = violations.filter(isSecurity);
  if (reply.status === 401 || reply.status === 403 || (security.length > 0 && security.length === violations.length)) {
    return errors.unauthenticated(
      `the request has no credentials in the form this API expects (Prism: ${security.map((item) => item.message).join('; ') || 'security check failed'})`,
    );
  }
  const mediaTypeViolation = violations.find((item) => item.code === 415 || item.code === '415');
  if (reply.status === 415 || mediaTypeViolation) {
    const adapted = errors.adapt(protocolErrors.unsupportedMediaType(request.contentType));
    return keepDetail(adapted, mediaTypeViolation?.message);
  }
  const findings = violations.filter((item) => !isSecurity(item)).map(violationToFinding);
  return errors.invalidRequest(findings);
}

function fromProblem(
  reply: UpstreamReply,
  problem: PrismProblem,
  request: FailedRequest,
  errors: VendorErrors,
): ApiError {
  const kind = problem.type?.split('#')[1] ?? '';
  const detail = [problem.title, problem.detail].filter(Boolean).join(': ');
  switch (kind) {
    case 'NO_PATH_MATCHED_ERROR':
      // The reference server's wording for a path outside the spec.
      return keepDetail(errors.adapt(protocolErrors.routeNotFound(request.method, request.path)), problem.detail);
    case 'NO_METHOD_MATCHED_ERROR':
      return keepDetail(
        errors.adapt(protocolErrors.methodNotAllowed(request.method, request.allowedMethods ?? [])),
        problem.detail,
      );
    case 'UNAUTHORIZED':
      return errors.unauthenticated(
        `the request has no credentials in the form this API expects (Prism: ${problem.title ?? 'security check failed'})`,
      );
    case 'UNPROCESSABLE_ENTITY':
    case 'INVALID_CONTENT_TYPE':
      return keepDetail(
        errors.adapt(
          new ApiError(400, request.preferred ? 'the Prefer header cannot be served' : 'the request is invalid', {
            code: request.preferred ? 'invalid_prefer' : 'invalid_request',
          }),
        ),
        detail,
      );
    case 'NOT_FOUND':
    case 'UNKNOWN':
      if (request.preferred) {
        return keepDetail(
          errors.adapt(
            new ApiError(400, 'the Prefer header asks for a response the spec does not have', {
              code: 'invalid_prefer',
            }),
          ),
          detail,
        );
      }
      break;
    default:
      break;
  }
  const status = reply.status === 422 ? 400 : reply.status >= 500 || reply.status < 400 ? 500 : reply.status;
  const message = status === 500 ? 'the mock could not produce a response' : 'the request cannot be served';
  return keepDetail(
    errors.adapt(new ApiError(status, message, { code: status === 500 ? 'internal_error' : 'invalid_request' })),
    detail,
  );
}

/**
 * Turns an error Prism made itself into the vendor's: its documented status for the failure (400
 * not 422; Fabro's 428 for a missing If-Match; Datadog's 403 for missing keys) and its envelope,
 * keeping Prism's detail in the message. Undefined when the reply is the spec's own response.
 */
export function prismFailure(reply: UpstreamReply, request: FailedRequest, errors: VendorErrors): ApiError | undefined {
  if (!isPrismOwnError(reply)) return undefined;
  const violations = prismViolations(reply.headers);
  if (violations.length > 0) return fromViolations(reply, violations, request, errors);
  const body = parseJson(reply.body.toString('utf8'));
  if ((header(reply.headers, 'content-type') ?? '').startsWith('application/problem+json')) {
    return fromProblem(reply, (body ?? {}) as PrismProblem, request, errors);
  }
  const message = (body as { error?: { message?: string } } | undefined)?.error?.message ?? 'Invalid JSON';
  return errors.adapt(protocolErrors.malformedJson(message));
}
