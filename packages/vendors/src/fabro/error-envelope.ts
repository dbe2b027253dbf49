import type { FabroError } from '@envspec/types/fabro';
import type { ApiError } from '../errors/api-error.ts';
import { reasonPhrase } from '../protocol/reason-phrases.ts';

/** Fabro's code for each status, used when the failure carries no more specific code of its own. */
const codeByStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'revision_mismatch',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'rate_limited',
};

/**
 * The code a Fabro client sees. Specific codes from the shared checks (`malformed_json`,
 * `route_not_found`, …) are kept because Fabro's `code` is a free string. A 503 keeps its code
 * (`store_unavailable`: come back later); any other 5xx says no more than `internal_error`.
 */
function fabroCode(error: ApiError): string {
  if (error.status === 503) return error.code ?? 'service_unavailable';
  if (error.status >= 500) return 'internal_error';
  return error.code ?? codeByStatus[error.status] ?? 'invalid_request';
}

/**
 * Fabro's envelope: `{"errors": [{"status", "title", "detail", "code"}], "request_id"}`, with the
 * status as a string and the standard HTTP reason phrase as title.
 */
export function renderFabroError(error: ApiError, requestId: string): FabroError {
  return {
    errors: [
      {
        status: String(error.status),
        title: reasonPhrase(error.status) ?? (error.status >= 500 ? 'Internal Server Error' : 'Bad Request'),
        detail: error.message,
        code: fabroCode(error),
      },
    ],
    request_id: requestId,
  };
}
