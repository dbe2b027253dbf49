import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet, set up for a JSON API rather than a web page (OWASP REST Security Cheat Sheet): a CSP
 * that lets a response load nothing and be framed nowhere, `X-Frame-Options: DENY`, `nosniff`,
 * no referrer. HSTS is off because the server speaks plain HTTP on loopback; whatever terminates
 * TLS in front of it owns HSTS. Helmet's other defaults stay (COOP, CORP same-origin, which does
 * not affect CORS requests, Origin-Agent-Cluster, X-DNS-Prefetch-Control, …).
 */
const helmetHandler = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
}) as unknown as RequestHandler;

/**
 * Helmet's headers plus `Cache-Control: no-store` (answers carry authenticated data and must not be
 * cached) as a plain record. With this configuration helmet's headers do not depend on the request,
 * so they are computed once, by running helmet against a recording response, and then set as they
 * are: the same headers at a fraction of the cost of helmet's dozen middlewares per request. Also
 * used for the answers Node sends before Express runs (431, 408, malformed requests).
 */
export const staticSecurityHeaders: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  helmetHandler({ headers: {} } as never, recorder as never, () => undefined);
  return headers;
})();

const securityHeaderEntries = Object.entries(staticSecurityHeaders);

/** Sets `staticSecurityHeaders` on every response. */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of securityHeaderEntries) res.setHeader(name, value);
    next();
  };
}
