import type { QoderError, QoderErrorType } from '@envspec/types/qoder';
import type { ApiError } from '../errors/api-error.ts';

const typeByStatus: Record<number, QoderErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  409: 'conflict_error',
  413: 'request_too_large',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** Qoder's envelope: `{"type": "error", "error": {"type", "message", "code"?}, "request_id"}`. */
export function renderQoderError(error: ApiError, requestId: string): QoderError {
  return {
    type: 'error',
    error: {
      type: typeByStatus[error.status] ?? (error.status >= 500 ? 'api_error' : 'invalid_request_error'),
      message: error.message,
      ...(error.code ? { code: error.code } : {}),
    },
    request_id: requestId,
  };
}
