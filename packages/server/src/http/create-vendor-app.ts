import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Logger } from 'pino';
import { loadBundle, type OpenApiDocument } from '@envspec/specs';
import { findCredential, type Credential, type RateLimitRule } from '../auth/credentials.ts';
import type { Store } from '../store/store.ts';
import { ApiError } from './api-error.ts';
import { accessLog } from './access-log.ts';
import { corsHandler, defaultCorsOrigins, type CorsSettings } from './cors.ts';
import { defaultJsonBodyOptions, jsonBody, type JsonBodyOptions } from './json-body.ts';
import { RateLimiter } from './rate-limiter.ts';
import { requestId } from './request-id.ts';
import { securityHeaders } from './security-headers.ts';
import { toApiError } from './to-api-error.ts';
import type { VendorModule } from './vendor-module.ts';

export interface VendorAppOptions<Resource> {
  store: Store<Resource>;
  credentials?: Credential[];
  clock?: () => Date;
  logger: Logger;
  /** Rate limit applied to every credential without its own; undefined turns limiting off. */
  rateLimit?: RateLimitRule;
  body?: Partial<JsonBodyOptions>;
  /** Most operations one JSON Patch may carry (LaunchDarkly). Default 100. */
  maxPatchOperations?: number;
  /** Origins browser pages may call from; `false` turns CORS off. Default: local dev origins on any port. */
  cors?: CorsSettings | false;
  /** Validate every response against the spec (a violation is a 500 and a bug). Default on. */
  validateResponses?: boolean;
  /**
   * For benchmarks only (`bench/`): `false` leaves out express-openapi-validator entirely (request
   * and response validation), keeping the credential check, so the cost of validation can be
   * measured against the same app. Never turn it off in a server anyone calls. Default on.
   */
  validation?: boolean;
}

interface SecurityFailure extends Error {
  status: number;
}

function securityFailure(status: number, message: string): SecurityFailure {
  return Object.assign(new Error(message), { status });
}

const writeMethods = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

export const defaultMaxPatchOperations = 100;

/** Builds a validated Express 5 app for one vendor from its module and its bundled spec. */
export function createVendorApp<Resource>(
  module: VendorModule<Resource>,
  options: VendorAppOptions<Resource>,
): Express {
  const document: OpenApiDocument = loadBundle(module.vendor);
  const clock = options.clock ?? (() => new Date());
  const credentials = options.credentials ?? module.demoCredentials;
  const limiter = new RateLimiter(() => clock().getTime());
  const body = { ...defaultJsonBodyOptions, ...options.body };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestId());
  app.use(accessLog(options.logger, module.vendor));
  app.use(securityHeaders());
  // Before authentication and rate limiting: a preflight carries no credentials.
  const cors = options.cors ?? { origins: defaultCorsOrigins };
  if (cors) app.use(corsHandler(document, cors));

  const identify: RequestHandler = (req, res, next) => {
    const credential = findCredential(credentials, module.presentedSecret(req));
    res.locals.credential = credential;
    const rule = credential?.rateLimit ?? options.rateLimit;
    if (!credential || !rule) return next();
    const now = clock().getTime();
    const state = limiter.consume(credential.id, rule);
    const headers = module.rateLimitHeaders(state, now);
    if (module.rateLimitHeadersOnEveryResponse) res.set(headers);
    if (state.allowed) return next();
    const seconds = Math.max(1, Math.ceil((state.resetAt - now) / 1000));
    next(
      new ApiError(
        429,
        `rate limit of ${state.limit} requests per ${state.windowMs / 1000} s exceeded for this credential; retry in ${seconds} s`,
        { code: 'rate_limited', headers },
      ),
    );
  };
  app.use(identify);
  app.use(...jsonBody(body));

  const checkCredential = (req: express.Request): true => {
    const credential = req.res?.locals.credential as Credential | undefined;
    if (!credential) {
      throw securityFailure(module.unauthenticatedStatus, 'the credential is unknown or malformed');
    }
    if (writeMethods.has(req.method) && credential.access === 'read') {
      throw securityFailure(403, `credential '${credential.id}' is read-only and cannot ${req.method} this resource`);
    }
    return true;
  };
  const securitySchemes = Object.keys(document.components?.securitySchemes ?? {});
  if (options.validation === false) {
    // The validator's security handlers are the only credential check: keep it without them.
    app.use((req, _res, next) => {
      checkCredential(req);
      next();
    });
  } else {
    app.use(
      OpenApiValidator.middleware({
        apiSpec: structuredClone(document) as never,
        validateRequests: { allErrors: true },
        validateResponses: options.validateResponses ?? true,
        validateSecurity: { handlers: Object.fromEntries(securitySchemes.map((name) => [name, checkCredential])) },
        validateFormats: true,
        ignoreUndocumented: false,
      }),
    );
  }

  const router = express.Router();
  module.routes(router, {
    store: options.store,
    clock,
    document,
    limits: { maxPatchOperations: options.maxPatchOperations ?? defaultMaxPatchOperations },
  });
  app.use(router);

  app.use(() => {
    throw new ApiError(404, 'no such route', { code: 'route_not_found' });
  });

  const handleError: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    let apiError = toApiError(error);
    if (apiError.code === 'route_not_found') {
      apiError = new ApiError(
        404,
        `no route ${req.method} ${req.path}: see the API reference for this vendor's paths`,
        { code: 'route_not_found' },
      );
    }
    if (apiError.status === 401 || (apiError.status === module.unauthenticatedStatus && !res.locals.credential)) {
      apiError = new ApiError(module.unauthenticatedStatus, `${apiError.message}: ${module.authHint}`, {
        code: 'unauthenticated',
      });
    }
    apiError = module.adaptError(apiError, error);
    // The path only, never the query or headers: nothing a client sends there may reach the log.
    if (apiError.status >= 500)
      options.logger.error(
        { err: error, requestId: res.locals.requestId, method: req.method, path: req.path },
        'request failed',
      );
    res
      .status(apiError.status)
      .set(apiError.headers)
      .json(module.renderError(apiError, String(res.locals.requestId)));
  };
  app.use(handleError);
  return app;
}
