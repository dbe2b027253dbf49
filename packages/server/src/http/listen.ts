import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import { ApiError } from './api-error.ts';
import { staticSecurityHeaders } from './security-headers.ts';

export interface ServerLimits {
  /** Time allowed to receive the request headers, counted from the first byte of a request or from connecting (slow-loris guard). */
  headersTimeoutMs: number;
  /** Time allowed to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed (Node keeps the socket about 1 s longer than it advertises). */
  keepAliveTimeoutMs: number;
  /** Largest accepted request line plus header block. */
  maxHeaderBytes: number;
}

export const defaultServerLimits: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
};

/** The defaults with `overrides` applied; throws an Error naming the limit when the combination is unusable. */
export function resolveServerLimits(overrides: Partial<ServerLimits> = {}): ServerLimits {
  const limits = { ...defaultServerLimits, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`server limit ${name} must be a positive whole number, got ${String(value)}`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `the headers timeout (${limits.headersTimeoutMs} ms) cannot exceed the request timeout (${limits.requestTimeoutMs} ms)`,
    );
  }
  return limits;
}

/**
 * How often Node looks for requests past their headers or request timeout. Node's default (30 s)
 * would let a slow client hold a connection up to 30 s past either timeout; a quarter of the
 * shorter one keeps the overshoot small for any configuration.
 */
export function connectionsCheckingInterval(limits: ServerLimits): number {
  return Math.min(1_000, Math.max(25, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

/** Status, code and message for the failures Node reports before Express runs; anything else is a 400. */
function describeClientError(
  { code, reason }: NodeJS.ErrnoException & { reason?: string },
  limits: ServerLimits,
): [number, string, string] {
  if (code === 'HPE_HEADER_OVERFLOW')
    return [
      431,
      'headers_too_large',
      `the request line and headers exceed the ${limits.maxHeaderBytes}-byte limit: send fewer or smaller headers`,
    ];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [
      408,
      'request_timeout',
      `the request was not received in time (headers within ${limits.headersTimeoutMs} ms, the whole request within ${limits.requestTimeoutMs} ms): send it without pausing`,
    ];
  }
  if (code === 'HPE_INVALID_EOF_STATE')
    return [400, 'incomplete_request', 'the connection was closed before the whole request arrived'];
  // llhttp's reason ("Invalid char in url path", "Invalid header token") says what was wrong without saying anything about the server.
  const detail = typeof reason === 'string' && /^[\w ,.'-]{1,80}$/.test(reason) ? ` (${reason.toLowerCase()})` : '';
  return [
    400,
    'malformed_request',
    `malformed HTTP request${detail}: send an HTTP/1.1 request with a percent-encoded path and valid headers`,
  ];
}

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * An HTTP server for an app with safe limits. Protocol-level failures that Node answers before
 * Express runs (oversized headers, timeouts, garbage) still get a JSON body rendered by
 * `renderError`, a request id and the security headers, and the connection is closed.
 */
export function createHttpServer(
  app: Express,
  overrides: Partial<ServerLimits>,
  renderError: (error: ApiError, requestId: string) => unknown,
): Server {
  const limits = resolveServerLimits(overrides);
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(limits),
    },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A response already under way cannot be replaced by another one: drop the connection.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || error.code === 'ECONNRESET' || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, message] = describeClientError(error, limits);
    const requestId = `req_${randomBytes(16).toString('hex')}`;
    const body = JSON.stringify(renderError(new ApiError(status, message, { code }), requestId));
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': requestId,
      ...staticSecurityHeaders,
      Connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${reasonPhrases[status] ?? 'Bad Request'}\r\n${head}\r\n${body}`);
  });
  return server;
}
