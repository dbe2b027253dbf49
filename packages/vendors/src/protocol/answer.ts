import type { ApiError } from '../errors/api-error.ts';
import type { AnyVendorCore } from '../vendor-core.ts';
import { reasonPhrase } from './reason-phrases.ts';
import { securityHeaders } from './security-headers.ts';

/** A failure as it goes on the wire: the same status, headers and body whoever sends it. */
export interface FailureAnswer {
  status: number;
  headers: Record<string, string>;
  /** The vendor's envelope, serialized. */
  body: string;
}

/** The content type of every JSON answer, error or not. */
export const jsonContentType = 'application/json; charset=utf-8';

/**
 * An already adapted failure in the vendor's envelope, with `X-Request-Id`, the security headers
 * and the failure's own headers (`Allow`, `Retry-After`, …).
 */
export function renderFailure(core: AnyVendorCore, error: ApiError, requestId: string): FailureAnswer {
  return {
    status: error.status,
    headers: { 'Content-Type': jsonContentType, 'X-Request-Id': requestId, ...securityHeaders, ...error.headers },
    body: JSON.stringify(core.renderError(error, requestId)),
  };
}

/** A raw failure (a protocol error, a thrown ApiError) as the vendor answers it: adapted, then rendered. */
export function answerFailure(core: AnyVendorCore, error: ApiError, requestId: string): FailureAnswer {
  return renderFailure(core, core.adaptError(error), requestId);
}

const encoder = new TextEncoder();

/**
 * A failure answer as the bytes of a whole HTTP/1.1 response that closes the connection, for the
 * sockets Node's parser gives up on (`clientError`), where there is no response object to write to.
 */
export function serializeAnswer({ status, headers, body }: FailureAnswer): string {
  const all = { ...headers, 'Content-Length': String(encoder.encode(body).length), Connection: 'close' };
  const head = Object.entries(all)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `HTTP/1.1 ${status} ${reasonPhrase(status) ?? 'Bad Request'}\r\n${head}\r\n${body}`;
}
