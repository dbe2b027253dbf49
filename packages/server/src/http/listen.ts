import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';
import {
  answerFailure,
  connectionsCheckingInterval,
  protocolErrors,
  resolveConnectionLimits,
  serializeAnswer,
  type AnyVendorCore,
  type ConnectionLimits,
} from '@envspec/vendors';

/**
 * An HTTP server for a vendor's app with safe limits. Protocol-level failures that Node answers
 * before Express runs (oversized headers, timeouts, garbage) still get the vendor core's answer:
 * the vendor's envelope, a request id and the security headers, and the connection is closed.
 */
export function createHttpServer(app: Express, overrides: Partial<ConnectionLimits>, core: AnyVendorCore): Server {
  const limits = resolveConnectionLimits(overrides);
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
  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: unknown }, socket: Socket) => {
    // A response already under way cannot be replaced by another one: drop the connection.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || error.code === 'ECONNRESET' || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(
      serializeAnswer(answerFailure(core, protocolErrors.clientError(error, limits), core.requestId(undefined))),
    );
  });
  return server;
}
