/**
 * The store could not be reached, or did not answer in time (a database that is down or silent).
 * It says nothing about the request, so whoever serves it answers 503 with `Retry-After` in the
 * vendor's envelope (`knownFailure`), never a 500.
 */
export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}
