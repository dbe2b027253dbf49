import type { LaunchDarklyError } from '@envspec/types/launchdarkly';
import type { ApiError } from '../errors/api-error.ts';

/** LaunchDarkly has exactly one code per status (see the spec's `Error.code`), so the status decides it. */
const codeByStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  // Not documented for these operations; only reachable if an operator configures a read-only token.
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'optimistic_locking_error',
  413: 'request_entity_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  // The state store is down or silent (a database restarting): retry after `Retry-After`.
  503: 'service_unavailable',
};

const contentTypeHint = "send the JSON Patch as 'application/json' or 'application/json-patch+json'";

/** Gives every failure LaunchDarkly's code for its status, and says how to fix the body-level ones. */
export function adaptLaunchDarklyError(error: ApiError): ApiError {
  const code = codeByStatus[error.status] ?? (error.status >= 500 ? 'internal_error' : 'invalid_request');
  let message = error.message;
  if (error.status === 413) message = `${message}: split the JSON Patch into smaller requests`;
  if (error.status === 415) message = `${message}: ${contentTypeHint}`;
  return error.with({ message, code });
}

/** LaunchDarkly's envelope: `{"code", "message"}`; the request id travels in `X-Request-Id` only. */
export function renderLaunchDarklyError(error: ApiError): LaunchDarklyError {
  return { code: error.code ?? 'internal_error', message: error.message };
}
