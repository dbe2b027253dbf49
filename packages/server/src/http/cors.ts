import cors from 'cors';
import type { RequestHandler } from 'express';
import type { OpenApiDocument } from '@envspec/specs';
import {
  commonRequestHeaders,
  corsSurface,
  originPattern,
  uniqueHeaderNames,
  type CorsSettings,
} from '@envspec/vendors';

/** What the server tells browsers about one vendor's API: its methods, the request headers it reads, the response headers it documents. */
export function corsHeadersOf(document: OpenApiDocument): {
  methods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
} {
  const surface = corsSurface(document);
  return {
    methods: surface.methods,
    allowedHeaders: uniqueHeaderNames([
      ...commonRequestHeaders,
      ...surface.credentialHeaders,
      ...surface.headerParameters,
    ]),
    exposedHeaders: uniqueHeaderNames(['X-Request-Id', ...surface.responseHeaders]),
  };
}

/**
 * CORS for one vendor's server. A preflight (`OPTIONS` with `Access-Control-Request-Method`) is
 * answered 204 before authentication and rate limiting; any other `OPTIONS` goes on to the API,
 * which answers 405 like every method the spec does not define. Responses to allowed origins
 * expose the headers the spec documents. No `Access-Control-Allow-Credentials`: every vendor
 * authenticates with headers, never cookies.
 */
export function corsHandler(document: OpenApiDocument, settings: CorsSettings): RequestHandler {
  const patterns = settings.origins.map(originPattern);
  const { methods, allowedHeaders, exposedHeaders } = corsHeadersOf(document);
  const handler = cors({
    origin: settings.origins.includes('*') ? '*' : patterns,
    methods: [...methods, 'OPTIONS'],
    allowedHeaders,
    exposedHeaders,
    maxAge: 600,
    optionsSuccessStatus: 204,
    preflightContinue: false,
  }) as RequestHandler;
  return (req, res, next) => {
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') === undefined) return next();
    return handler(req, res, next);
  };
}
