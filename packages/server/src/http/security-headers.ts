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

/** Helmet's headers plus `Cache-Control: no-store`: answers carry authenticated data and must not be cached. */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    helmetHandler(req, res, next);
  };
}

/**
 * The same headers as a plain record, for the answers Node sends before Express runs (431, 408,
 * malformed requests). Computed once by running the middleware against a recording response.
 */
export const staticSecurityHeaders: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const recorder = { setHeader: (name: string, value: unknown) => void (headers[name] = String(value)), removeHeader: (name: string) => void delete headers[name] };
  securityHeaders()({ headers: {} } as never, recorder as never, () => undefined);
  return headers;
})();
