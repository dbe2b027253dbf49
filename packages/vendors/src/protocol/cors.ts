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
   * Origins a browser page may call from. `*` inside a host matches one or more characters of a
   * host name (`https://*.example.com`); a trailing `:*` matches any port or none; `*` alone
   * allows every origin.
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

/** Headers every vendor accepts from a browser besides its credential headers and header parameters. */
export const commonRequestHeaders: readonly string[] = ['Content-Type', 'Accept', 'X-Request-Id'];

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

/** What a vendor's spec says a browser needs to know: the headers it reads and writes. */
export interface CorsSurface {
  /** Every upper-case method the spec documents. */
  methods: string[];
  /** Request headers carrying credentials (`Authorization`, `DD-API-KEY`, …), as the spec spells them. */
  credentialHeaders: string[];
  /** Header parameters of any operation (`If-Match`, …). */
  headerParameters: string[];
  /** Every response header the spec documents (`ETag`, `Retry-After`, `X-RateLimit-*`, …). */
  responseHeaders: string[];
}

/** The CORS surface of a vendor's spec: its methods, the request headers it reads, the response headers it documents. */
export function corsSurface(document: OpenApiDocument): CorsSurface {
  const operations = listOperations(document);
  const schemes = Object.values(document.components?.securitySchemes ?? {}).map((node) =>
    resolve<{ type?: string; in?: string; name?: string }>(document, node as Reference),
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
    credentialHeaders: uniqueHeaderNames(credentialHeaders),
    headerParameters: uniqueHeaderNames(headerParameters),
    responseHeaders: uniqueHeaderNames(responseHeaders),
  };
}
