import type { IncomingHttpHeaders } from 'node:http';
import { defaultCorsOrigins, originPattern, uniqueHeaderNames } from '@envspec/vendors';
import type { SpecIndex } from '../spec/spec-index.ts';

/** Local dev servers (Vite, webpack, Next, …) on any port: the reference server's defaults. */
export { defaultCorsOrigins, originPattern };

export interface CorsOptions {
  /**
   * Origins allowed to call the mock from a browser, written as the reference server takes them:
   * `*` inside a host matches one or more host-name labels (`https://*.example.com`), a trailing
   * `:*` any port or none, `*` alone every origin; `[]` turns CORS off.
   */
  origins?: readonly string[];
  /** Request headers to allow besides the ones the mock always allows. */
  allowHeaders?: readonly string[];
}

/** Headers a frontend may send to any mock, besides the vendor's credential headers and header parameters. */
export const mockRequestHeaders = [
  'Content-Type',
  'Accept',
  'Prefer',
  'X-Request-Id',
  'X-Mock-Delay',
  'X-Mock-Error-Rate',
  'X-Mock-Error-Status',
];

/** Response headers a browser script may read, besides the ones the spec documents. */
const alwaysExposed = ['X-Request-Id', 'ETag', 'Retry-After', 'Allow'];

export interface CorsPolicy {
  /** The origin to echo in `Access-Control-Allow-Origin`, or undefined when it is not allowed. */
  allowedOrigin(origin: string | undefined): string | undefined;
  /** A CORS preflight: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
  isPreflight(method: string | undefined, headers: IncomingHttpHeaders): boolean;
  /** Headers answering a preflight from an allowed origin for `path`. */
  preflightHeaders(origin: string, path: string): Record<string, string>;
  /** Headers added to every other response for an allowed origin. */
  responseHeaders(origin: string): Record<string, string>;
  /** Request headers the mock allows (for messages and docs). */
  allowedHeaders: readonly string[];
}

/** The CORS behaviour of one vendor's mock, from its spec and the options. */
export function corsPolicy(index: SpecIndex, options: CorsOptions = {}): CorsPolicy {
  const patterns = (options.origins ?? defaultCorsOrigins).map(originPattern);
  const allowedHeaders = uniqueHeaderNames([
    ...mockRequestHeaders,
    ...index.credentialHeaders,
    ...index.headerParameters,
    ...(options.allowHeaders ?? []),
  ]);
  const exposed = uniqueHeaderNames([...alwaysExposed, ...index.responseHeaders]).join(', ');
  // No Access-Control-Allow-Credentials, as on the reference server: every vendor authenticates with headers, never cookies.
  const shared = (origin: string) => ({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
  return {
    allowedHeaders,
    allowedOrigin: (origin) => (origin && patterns.some((pattern) => pattern.test(origin)) ? origin : undefined),
    isPreflight: (method, headers) =>
      method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined,
    preflightHeaders(origin, path) {
      const methods = index.match(path)?.operations.keys() ?? index.methods;
      return {
        ...shared(origin),
        'Access-Control-Allow-Methods': uniqueHeaderNames([...methods, 'OPTIONS']).join(', '),
        'Access-Control-Allow-Headers': allowedHeaders.join(', '),
        'Access-Control-Max-Age': '600',
      };
    },
    responseHeaders: (origin) => ({ ...shared(origin), 'Access-Control-Expose-Headers': exposed }),
  };
}
