import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Logger } from 'pino';
import { bundleOf, loadBundle, type OpenApiDocument } from '@envspec/specs';
import {
  AccessGate,
  answerFailure,
  defaultCorsOrigins,
  explainAuthentication,
  protocolErrors,
  resolveBodyLimits,
  vendorOptionValues,
  type AnyVendorCore,
  type ApiError,
  type BodyLimits,
  type CorsSettings,
  type Credential,
  type RateLimitRule,
  type Store,
  type VendorOptionName,
} from '@envspec/vendors';
import { accessLog } from './access-log.ts';
import { corsHandler } from './cors.ts';
import { jsonBody } from './json-body.ts';
import { mountOperations } from './operation-routes.ts';
import { requestId } from './request-id.ts';
import { securityHeaders } from './security-headers.ts';
import { toApiError } from './to-api-error.ts';

export interface VendorAppOptions {
  store: Store<unknown>;
  credentials?: readonly Credential[];
  clock?: () => Date;
  logger: Logger;
  /** Rate limit applied to every credential without its own; undefined turns limiting off. */
  rateLimit?: RateLimitRule;
  body?: Partial<BodyLimits>;
  /** The vendors' own settings (`maxPatchOperations` for LaunchDarkly); each vendor reads its own. */
  vendorOptions?: Partial<Record<VendorOptionName, number>>;
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

function credentialOf(req: Request): Credential | undefined {
  return req.res?.locals.credential as Credential | undefined;
}

/**
 * Builds a validated Express 5 app for one vendor from its core and its bundled spec: Express and
 * express-openapi-validator do the HTTP and the validation, the vendor core everything the vendor
 * decides (credentials, rate-limit headers, the operations' semantics, its errors and envelope).
 */
export function createVendorApp(core: AnyVendorCore, options: VendorAppOptions): Express {
  const document: OpenApiDocument = bundleOf(core.vendor);
  const clock = options.clock ?? (() => new Date());
  const gate = new AccessGate(core, {
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    now: () => clock().getTime(),
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestId(core));
  app.use(accessLog(options.logger, core.vendor));
  app.use(securityHeaders());
  // Before authentication and rate limiting: a preflight carries no credentials.
  const cors = options.cors ?? { origins: defaultCorsOrigins };
  if (cors) app.use(corsHandler(document, cors));

  const identify: RequestHandler = (req, res, next) => {
    const credential = gate.identify((name) => req.get(name));
    res.locals.credential = credential;
    const { headers, refusal } = gate.meter(credential);
    res.set(headers);
    next(refusal);
  };
  app.use(identify);
  app.use(...jsonBody(resolveBodyLimits(options.body)));

  // The validator's security handlers call this; an ApiError thrown here carries the status. The
  // validator re-wraps it keeping only status and message, so the refusal itself is kept for the answer.
  const checkCredential = (req: Request): true => {
    const refusal = gate.authorize(credentialOf(req), req.method);
    if (refusal) {
      if (req.res) req.res.locals.refusal = refusal;
      throw refusal;
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
        // A private copy: the validator rewrites the document it is given.
        apiSpec: loadBundle(core.vendor) as never,
        validateRequests: { allErrors: true },
        validateResponses: options.validateResponses ?? true,
        validateSecurity: { handlers: Object.fromEntries(securitySchemes.map((name) => [name, checkCredential])) },
        validateFormats: true,
        ignoreUndocumented: false,
      }),
    );
  }

  const router = express.Router();
  mountOperations(router, core, document, {
    store: options.store,
    now: clock,
    options: vendorOptionValues(core.vendor, options.vendorOptions),
  });
  app.use(router);

  app.use((req) => {
    throw protocolErrors.routeNotFound(req.method, req.path);
  });

  const handleError: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const refusal = res.locals.refusal as ApiError | undefined;
    let failure = toApiError(error);
    if (refusal && failure.status === refusal.status && failure.message === refusal.message) failure = refusal;
    if (failure.code === 'route_not_found') failure = protocolErrors.routeNotFound(req.method, req.path);
    failure = explainAuthentication(core, failure, credentialOf(req));
    const answer = answerFailure(core, failure, String(res.locals.requestId));
    // The path only, never the query or headers: nothing a client sends there may reach the log.
    if (answer.status >= 500)
      options.logger.error(
        { err: error, requestId: res.locals.requestId, method: req.method, path: req.path },
        'request failed',
      );
    res.status(answer.status).set(answer.headers).send(answer.body);
  };
  app.use(handleError);
  return app;
}
