import { internalError, storeUnavailable } from '../protocol/protocol-errors.ts';
import { isStoreUnavailable } from '../store/store-unavailable-error.ts';
import { type ApiError, isApiError } from './api-error.ts';

/**
 * What anything thrown while answering means to the client, when it means something: an ApiError
 * as it is, an unavailable store as a 503 (its cause stays out of the answer). Undefined for
 * anything else, which the caller answers as it answers a bug.
 */
export function knownFailure(error: unknown): ApiError | undefined {
  if (isApiError(error)) return error;
  if (isStoreUnavailable(error)) return storeUnavailable(error.retryAfterSeconds);
  return undefined;
}

/** `knownFailure`, with anything else a bare 500, so no internals reach the client. */
export function failureOf(error: unknown): ApiError {
  return knownFailure(error) ?? internalError();
}
