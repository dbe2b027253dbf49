import type { FabroError } from '@envspec/types/fabro';
import type { ApiError } from '../errors/api-error.ts';
import { reasonPhrase } from '../protocol/reason-phrases.ts';

/**
 * Fabro's envelope: `{"errors": [{"status", "title", "detail", "code"?, "request_id"}], "request_id"}`,
 * with the status as a string, the standard HTTP reason phrase as title and the request id, as
 * Fabro's request-id layer adds it, on the envelope and on the error alike. `code` only when set.
 */
export function renderFabroError(error: ApiError, requestId: string): FabroError {
  return {
    errors: [
      {
        status: String(error.status),
        title: reasonPhrase(error.status) ?? (error.status >= 500 ? 'Internal Server Error' : 'Bad Request'),
        detail: error.message,
        ...(error.code ? { code: error.code } : {}),
        request_id: requestId,
      },
    ],
    request_id: requestId,
  };
}
