import type { HeadersOptions, Middleware } from 'openapi-fetch';
import { idempotent } from './idempotent.ts';

/** Options of one resource-API call. */
export interface CallOptions {
  /** Aborts the call (and any retry wait). */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: HeadersOptions;
}

/** Options of a call whose HTTP method is not idempotent. */
export interface NonIdempotentCallOptions extends CallOptions {
  /** Declare this call safe to repeat, so the retry middleware may retry it. Default false. */
  idempotent?: boolean;
}

/** The openapi-fetch init fields for `options`. */
export function callInit(options: NonIdempotentCallOptions = {}): {
  signal?: AbortSignal;
  headers?: HeadersOptions;
  middleware?: Middleware[];
} {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.idempotent ? { middleware: [idempotent] } : {}),
  };
}
