import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  answerFailure,
  connectionsCheckingInterval,
  defaultBodyLimits,
  defaultConnectionLimits,
  isJsonMediaType,
  mediaType,
  protocolErrors,
  renderFailure,
  resolveConnectionLimits,
  serializeAnswer,
  vendorCore,
} from '@envspec/vendors';
import type { DynamicCoherence } from '../dynamic/coherence.ts';
import type { Engine } from '../engine/engine.ts';
import type { FetchHandler } from '../stateful/index.ts';
import { checkPreferences, parsePrefer } from '../spec/prefer.ts';
import type { SpecIndex } from '../spec/spec-index.ts';
import type { CredentialCheck } from '../vendor/demo-credentials.ts';
import { ApiError, type VendorErrors } from '../vendor/vendor-errors.ts';
import type { CorsPolicy } from './cors.ts';
import { injectionFor, type Injection } from './injection.ts';
import { isPrismOwnError, prismFailure, type UpstreamReply } from './prism-errors.ts';
import { answerInProcess } from './in-process.ts';
import { clientHeaders, forward } from './proxy.ts';
import {
  checkContentType,
  checkJsonBody,
  checkTarget,
  ClientGone,
  decodeBody,
  readBody,
  sanitizeAccept,
} from './request-guards.ts';

/** What one request may cost the mock. The body limits match the reference server's. */
export interface MockLimits {
  /** Largest accepted request body (413 above). */
  maxBodyBytes: number;
  /** A larger body is still read and discarded up to this size, so the client can read the 413; past it the connection is closed. */
  drainBodyBytes: number;
  /** Deepest accepted JSON nesting (400 above). */
  maxJsonDepth: number;
  /** Largest accepted request header block (431 above). */
  maxHeaderBytes: number;
  /** Time allowed to send the request headers (408 after: slow-loris guard). */
  headersTimeoutMs: number;
  /** Time allowed to send the whole request (408 after). */
  requestTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed. */
  keepAliveTimeoutMs: number;
  /** Time allowed for the engine to answer, including waiting for a restarted Prism (503/504 after). */
  engineTimeoutMs: number;
}

/** The reference server's limits (the vendor core's defaults), so the mock refuses exactly what the server refuses. */
export const defaultMockLimits: MockLimits = {
  maxBodyBytes: defaultBodyLimits.limitBytes,
  drainBodyBytes: defaultBodyLimits.drainBytes,
  maxJsonDepth: defaultBodyLimits.maxDepth,
  ...defaultConnectionLimits,
  engineTimeoutMs: 30_000,
};

/** The defaults with `overrides` applied; throws an Error naming the limit when the combination is unusable. */
export function resolveMockLimits(overrides: Partial<MockLimits> = {}): MockLimits {
  const { maxBodyBytes, drainBodyBytes, maxJsonDepth, engineTimeoutMs, ...serverShaped } = {
    ...defaultMockLimits,
    ...overrides,
  };
  // The HTTP limits are the server's, checked by the same rules.
  const serverLimits = resolveConnectionLimits(serverShaped);
  for (const [name, value] of Object.entries({ maxBodyBytes, drainBodyBytes, maxJsonDepth, engineTimeoutMs })) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`mock limit ${name} must be a positive whole number, got ${String(value)}`);
  }
  return { ...serverLimits, maxBodyBytes, drainBodyBytes, maxJsonDepth, engineTimeoutMs };
}

export interface FrontOptions {
  errors: VendorErrors;
  index: SpecIndex;
  engine: Engine;
  /**
   * Stateful mode: the in-process engine that answers instead of forwarding to `engine`. It
   * already speaks the vendor's errors, so its answers are passed on as they are.
   */
  stateful: FetchHandler | undefined;
  /** Undefined turns CORS off. */
  cors: CorsPolicy | undefined;
  injection: Injection;
  limits: MockLimits;
  random: () => number;
  log: (line: string) => void;
  /** Makes Prism's generated answers coherent (static and dynamic modes). */
  coherence?: DynamicCoherence;
  /** Told of every request from a browser origin the CORS policy does not allow. */
  onRefusedOrigin?: (origin: string) => void;
  /** Refuses credentials the engine would take (Prism only checks that some are present). */
  credentials?: CredentialCheck;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pause(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The public face of one vendor's mock: a node:http server that guards each request, answers CORS
 * and injected delays/errors itself, forwards the rest to the engine (Prism, or the in-process
 * stateful engine) and turns Prism's own errors into the vendor's.
 */
export function createFront(options: FrontOptions): Server {
  const { errors, index, engine, limits, cors } = options;
  const core = vendorCore(errors.vendor);
  // A fresh connection per request: a reset then means the engine died on this very request, not a stale socket.
  const agent = new Agent({ keepAlive: false, maxSockets: 256 });

  const unavailable = (reason: string) =>
    errors.adapt(
      new ApiError(
        503,
        `the mock's engine is not answering (${reason}); it is restarted automatically, retry in a moment`,
        { code: 'mock_unavailable', headers: { 'Retry-After': '1' } },
      ),
    );

  /**
   * Forwards to the engine, waiting for it while it (re)starts. A request that never reached the
   * engine (connection refused) is sent again until the deadline. One cut off mid-answer is sent
   * again once, after the restart: it was most likely in flight when the engine died, but it may be
   * what killed it, so a second cut-off gives up rather than kill every restarted engine in turn.
   */
  async function callEngine(
    request: IncomingMessage,
    target: string,
    body: Buffer,
    overrides: Record<string, string | undefined>,
  ): Promise<UpstreamReply> {
    const deadline = Date.now() + limits.engineTimeoutMs;
    let cutOff = 0;
    for (let attempt = 1; ; attempt += 1) {
      const base = await engine.ready(Math.max(1, deadline - Date.now())).catch((error: Error) => {
        throw unavailable(error.message);
      });
      try {
        return await forward(
          base,
          { method: request.method ?? 'GET', target, headers: request.headers, body },
          { agent, timeoutMs: Math.max(1, deadline - Date.now()), maxBytes: 16 * 1024 * 1024, overrides },
        );
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        if (code === 'ETIMEDOUT') {
          // A wedged engine would hold every later request too: replace it.
          engine.recycle(`did not answer ${request.method} ${request.url} within ${limits.engineTimeoutMs} ms`);
          throw errors.adapt(
            new ApiError(504, `the mock's engine did not answer within ${limits.engineTimeoutMs} ms`, {
              code: 'mock_timeout',
            }),
          );
        }
        if (code !== 'ECONNREFUSED') {
          cutOff += 1;
          if (cutOff > 1) {
            options.log(
              `the engine was cut off twice answering ${request.method} ${request.url} (${message}); this request may crash it, so it is not retried again`,
            );
            throw unavailable(`${message} while answering this request`);
          }
        }
        if (Date.now() + 50 >= deadline) throw unavailable(message);
        // Not up (yet, or again): ready() waits through the restart once the supervisor has seen the exit.
        await sleep(Math.min(1_000, 50 * attempt));
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = core.requestId(firstHeader(req.headers['x-request-id']));
    const method = req.method ?? 'GET';
    const origin = firstHeader(req.headers.origin);
    const allowedOrigin = cors?.allowedOrigin(origin);
    const corsHeaders = allowedOrigin && cors ? cors.responseHeaders(allowedOrigin) : {};
    if (origin !== undefined && !allowedOrigin) options.onRefusedOrigin?.(origin);

    // The errors are adapted where they are made; this renders them as the reference server does.
    const sendError = (error: ApiError) => {
      if (res.headersSent || res.destroyed) return;
      const answer = renderFailure(core, error, requestId);
      res.writeHead(answer.status, {
        ...answer.headers,
        'Content-Length': Buffer.byteLength(answer.body),
        ...corsHeaders,
      });
      res.end(method === 'HEAD' ? undefined : answer.body);
    };

    let injected = false;
    try {
      const target = checkTarget(req.url, errors);
      if (cors?.isPreflight(method, req.headers)) {
        if (!allowedOrigin) {
          // Not re-mapped through the vendor: this is the mock's own configuration, not a vendor failure.
          throw new ApiError(
            403,
            `origin '${origin}' may not call this mock from a browser: start the mock with --cors-origin ${origin} (or the cors.origins option)`,
            {
              code: 'origin_not_allowed',
            },
          );
        }
        req.resume();
        res.writeHead(204, { ...cors.preflightHeaders(allowedOrigin, target.path), 'Content-Length': '0' });
        res.end();
        return;
      }

      const received = await readBody(req, errors, {
        limitBytes: limits.maxBodyBytes,
        drainBytes: limits.drainBodyBytes,
      });
      const contentEncoding = firstHeader(req.headers['content-encoding']);
      const body = decodeBody(received, contentEncoding, errors, limits.maxBodyBytes);
      const contentType = firstHeader(req.headers['content-type']);
      checkContentType(contentType, errors);
      if (body.length > 0 && isJsonMediaType(mediaType(contentType))) checkJsonBody(body, errors, limits.maxJsonDepth);

      const path = index.match(target.path);
      const operation = path?.operations.get(method);
      if (operation) options.credentials?.(method, operation.operation, req.headers);
      const preferences = parsePrefer(firstHeader(req.headers.prefer));
      // The stateful engine checks (and serves) `Prefer` itself, so that in-page handlers get it too.
      const misfit = !options.stateful && operation ? checkPreferences(preferences, operation) : undefined;
      if (misfit) throw errors.adapt(misfit);

      const injection = injectionFor(req.headers, options.injection, errors);
      if (injection.delayMs > 0) {
        await pause(injection.delayMs, res);
        if (res.destroyed || req.socket.destroyed) return;
      }
      const accept = firstHeader(req.headers.accept);
      const overrides: Record<string, string | undefined> = {
        'x-request-id': requestId,
        ...(accept === undefined ? {} : { accept: sanitizeAccept(accept) }),
        // The engine gets the decoded body.
        ...(contentEncoding === undefined ? {} : { 'content-encoding': undefined }),
      };
      if (injection.errorRate > 0 && options.random() < injection.errorRate) {
        const status = injection.errorStatus;
        // A status the operation documents is served as documented (example body, Retry-After, …),
        // by Prism or by the stateful engine, which answer `Prefer: code=…` without touching state.
        if (!operation?.responses.has(String(status))) {
          injected = true;
          throw errors.adapt(
            new ApiError(
              status,
              `error injected by the mock (error rate ${injection.errorRate}, status ${status}); send X-Mock-Error-Rate: 0 or start without --error-rate to turn it off`,
              {
                code: 'injected_error',
              },
            ),
          );
        }
        overrides.prefer = `code=${status}`;
      }

      const prefer = options.coherence?.upstreamPrefer(overrides.prefer ?? firstHeader(req.headers.prefer));
      if (prefer !== undefined) overrides.prefer = prefer;
      const engineReply = options.stateful
        ? await answerInProcess(options.stateful, req, req.url ?? target.path, body, overrides)
        : await callEngine(req, req.url ?? target.path, body, overrides);
      const reply =
        options.coherence && path && options.coherence.generates(preferences)
          ? options.coherence.apply(engineReply, { path: target.path, template: path.template })
          : engineReply;
      if (!options.stateful && isPrismOwnError(reply)) {
        const failure = prismFailure(
          reply,
          {
            method,
            path: target.path,
            contentType,
            allowedMethods: path ? [...path.operations.keys()] : undefined,
            preferred: preferences.code !== undefined || preferences.example !== undefined,
          },
          errors,
        );
        if (failure) throw failure;
      }
      if (res.destroyed) return;
      const headers = { ...clientHeaders(reply), ...corsHeaders };
      const noBody = method === 'HEAD' || reply.status === 204 || reply.status === 304;
      if (!noBody) headers['Content-Length'] = String(reply.body.length);
      else if (method === 'HEAD' && reply.headers['content-length'] !== undefined)
        headers['Content-Length'] = reply.headers['content-length'];
      res.writeHead(reply.status, headers);
      res.end(noBody ? undefined : reply.body);
    } catch (error) {
      if (error instanceof ClientGone) return;
      if (error instanceof ApiError) {
        if (error.status >= 500 && !injected)
          options.log(`mock answered ${error.status} to ${method} ${req.url}: ${error.message}`);
        sendError(error);
        return;
      }
      options.log(`mock failed on ${method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendError(errors.adapt(new ApiError(500, 'internal error of the mock', { code: 'internal_error' })));
    }
  }

  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(limits),
    },
    (req, res) => void handle(req, res),
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: unknown }, socket: Socket) => {
    const pending = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || error.code === 'ECONNRESET' || pending?.headersSent) {
      socket.destroy();
      return;
    }
    socket.end(
      serializeAnswer(answerFailure(core, protocolErrors.clientError(error, limits), core.requestId(undefined))),
    );
  });
  server.once('close', () => agent.destroy());
  return server;
}
