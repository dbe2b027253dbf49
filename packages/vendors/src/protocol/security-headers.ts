/**
 * The headers every answer carries, for a JSON API rather than a web page (OWASP REST Security
 * Cheat Sheet): a CSP that lets a response load nothing and be framed nowhere, `X-Frame-Options:
 * DENY`, `nosniff`, no referrer, `Cache-Control: no-store` (answers carry authenticated data), and
 * helmet's other defaults (COOP, CORP same-origin, which does not affect CORS requests,
 * Origin-Agent-Cluster, …). No HSTS: servers and mocks speak plain HTTP on loopback; whatever
 * terminates TLS in front owns HSTS. This is exactly what helmet 8 answers with that configuration
 * (the reference server's tests pin the two together), declared here so the mock, which has no
 * Express, sends the same.
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none';frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});
