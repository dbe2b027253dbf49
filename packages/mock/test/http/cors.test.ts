import { describe, expect, it } from 'vitest';
import { loadBundle } from '@envspec/specs';
import { corsPolicy, originPattern } from '../../src/http/cors.ts';
import { indexSpec } from '../../src/spec/spec-index.ts';

const index = indexSpec(loadBundle('datadog'));

describe('allowed origins', () => {
  it.each<[string, string[] | undefined, string, boolean]>([
    ['Vite on localhost', undefined, 'http://localhost:5173', true],
    ['localhost without a port', undefined, 'http://localhost', true],
    ['127.0.0.1', undefined, 'http://127.0.0.1:3000', true],
    ['IPv6 loopback', undefined, 'http://[::1]:8080', true],
    ['a look-alike host', undefined, 'http://localhost.evil.example:80', false],
    ['a public site', undefined, 'https://example.com', false],
    ['a configured origin', ['https://app.example.com'], 'https://app.example.com', true],
    ['a configured wildcard subdomain', ['https://*.example.com'], 'https://preview-1.example.com', true],
    [
      'a wildcard does not cross dots into another site',
      ['https://*.example.com'],
      'https://example.com.evil.io',
      false,
    ],
    ['any origin', ['*'], 'https://anything.example', true],
    ['CORS off', [], 'http://localhost:5173', false],
  ])('%s', (_name, origins, origin, want) => {
    const policy = corsPolicy(index, origins === undefined ? {} : { origins });
    expect(policy.allowedOrigin(origin)).toBe(want ? origin : undefined);
  });
});

describe('originPattern', () => {
  it.each(['localhost:5173', 'http://localhost:5173/app', 'ftp://localhost'])(
    'refuses %j, which is not an origin',
    (pattern) => {
      expect(() => originPattern(pattern)).toThrow(/is not an origin/);
    },
  );
});

describe('preflight headers', () => {
  it("allow the spec's methods for the path and the vendor's credential headers", () => {
    const headers = corsPolicy(index).preflightHeaders(
      'http://localhost:5173',
      '/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655440001',
    );
    expect(headers['Access-Control-Allow-Methods']).toBe('GET, PUT, OPTIONS');
    expect(headers['Access-Control-Allow-Headers']).toMatch(/DD-API-KEY, DD-APPLICATION-KEY/);
    expect(headers['Access-Control-Allow-Headers']).toMatch(/Prefer/);
  });

  it('expose the documented response headers', () => {
    const exposed = corsPolicy(index).responseHeaders('http://localhost:5173')['Access-Control-Expose-Headers'];
    for (const name of ['X-Request-Id', 'ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Reset'])
      expect(exposed).toContain(name);
  });
});
