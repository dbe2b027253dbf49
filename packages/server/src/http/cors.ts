import cors from 'cors';
import type { RequestHandler } from 'express';
import {
  listOperations,
  resolve,
  type HeaderObject,
  type OpenApiDocument,
  type Reference,
  type ResponseObject,
} from '@envspec/specs';

export interface CorsSettings {
  /**
   * Origins a browser page may call the server from. `*` inside a host matches one or more
   * characters of a host name (`https://*.example.com`); a trailing `:*` matches any port or none;
   * `*` alone allows every origin.
   */
  origins: readonly string[];
}

/** Local dev servers (Vite, webpack, Next, …) on any port, over http or https. */
export const defaultCorsOrigins: readonly string[] = [
  'http://localhost:*',
  'http://127.0.0.1:*',
  'http://[::1]:*',
  'https://localhost:*',
  'https://127.0.0.1:*',
  'https://[::1]:*',
];

/** Headers every vendor's server accepts from a browser besides its credential headers and header parameters. */
const commonRequestHeaders = ['Content-Type', 'Accept', 'X-Request-Id'];

const originShape = /^https?:\/\/[^/?#\s]+$/i;

/** The RegExp of one origin pattern; throws when the pattern cannot be an origin. */
export function originPattern(pattern: string): RegExp {
  if (pattern === '*') return /^.*$/;
  if (!originShape.test(pattern)) {
    throw new Error(
      `CORS origin '${pattern}' is not an origin: use scheme://host[:port] with no path, e.g. http://localhost:5173, http://localhost:* or https://*.example.com`,
    );
  }
  const anyPort = pattern.endsWith(':*');
  const base = anyPort ? pattern.slice(0, -2) : pattern;
  const body = base
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*');
  return new RegExp(`^${body}${anyPort ? '(?::\\d{1,5})?' : ''}$`, 'i');
}

/** Header names without case-insensitive repeats, first spelling kept. */
export function uniqueHeaderNames(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
}

/** What a vendor's spec says a browser needs: its methods, the request headers it reads, the response headers it documents. */
export function corsSurface(document: OpenApiDocument): {
  methods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
} {
  const operations = listOperations(document);
  const schemes = Object.values(
    (document.components?.securitySchemes ?? {}) as Record<string, { type?: string; in?: string; name?: string }>,
  );
  const credentialHeaders = schemes.flatMap((scheme) =>
    scheme.type === 'http'
      ? ['Authorization']
      : scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name
        ? [scheme.name]
        : [],
  );
  const headerParameters = operations.flatMap(({ parameters }) =>
    parameters.filter(({ value }) => value.in === 'header').map(({ value }) => value.name),
  );
  const responseHeaders = operations.flatMap(({ operation }) =>
    Object.values(operation.responses).flatMap((response) =>
      Object.keys(
        resolve<ResponseObject>(document, response as ResponseObject | Reference).headers ??
          ({} as Record<string, HeaderObject>),
      ),
    ),
  );
  return {
    methods: uniqueHeaderNames(operations.map(({ method }) => method.toUpperCase())),
    allowedHeaders: uniqueHeaderNames([...commonRequestHeaders, ...credentialHeaders, ...headerParameters]),
    exposedHeaders: uniqueHeaderNames(['X-Request-Id', ...responseHeaders]),
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
  const { methods, allowedHeaders, exposedHeaders } = corsSurface(document);
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
