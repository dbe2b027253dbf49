/**
 * What every answer carries besides its body: security headers for an API, CORS for browser
 * frontends (local dev origins by default, configurable, preflights answered before
 * authentication), and a request log in which no credential ever appears.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { vendors } from '@envspec/specs';
import { createApp } from '../../src/create-app.ts';
import { corsHeadersOf } from '../../src/http/cors.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { defaultCorsOrigins, originPattern, securityHeaders, vendorCore } from '@envspec/vendors';
import helmet from 'helmet';
import { agent, httpRequest, socketExchange, type RawReply } from '../support/raw-http.ts';
import { serve } from '../support/serve.ts';
import { profiles, type VendorProfile } from './profiles.ts';

const logLines: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
);

let fleet: ServerFleet;
const url = (profile: VendorProfile) => fleet.servers.find((s) => s.vendor === profile.vendor)!.url;
const get = (profile: VendorProfile, headers: Record<string, string> = {}) =>
  httpRequest(url(profile), {
    method: 'GET',
    path: profile.fixturePath,
    headers: { ...profile.credentialHeaders(profile.secret), ...headers },
  });

beforeAll(async () => {
  fleet = await startServers({ ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])), logger });
});
afterAll(async () => {
  agent.destroy();
  await fleet?.stop();
});

describe('security headers', () => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none';frame-ancestors 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  };
  const answers: Array<[string, (profile: VendorProfile) => Promise<RawReply>]> = [
    ['a 200', (p) => get(p)],
    ['a 4xx from the API', (p) => get(p, p.credentialHeaders('wrong'))],
    [
      'a 404 for an unknown route',
      (p) => httpRequest(url(p), { method: 'GET', path: '/nowhere', headers: p.credentialHeaders(p.secret) }),
    ],
    [
      'a 431 answered before Express runs',
      async (p) =>
        (
          await socketExchange(
            url(p),
            (write) => void write(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`),
          )
        ).reply!,
    ],
  ];
  it.each(
    profiles.flatMap((profile) =>
      answers.map(([name, send]): [string, VendorProfile, typeof send] => [
        `${profile.vendor}: ${name}`,
        profile,
        send,
      ]),
    ),
  )('%s', async (_name, profile, send) => {
    const reply = await send(profile);
    expect(reply.headers).toMatchObject(expected);
    expect(reply.headers).not.toHaveProperty('x-powered-by');
    // Plain HTTP on loopback: whatever terminates TLS in front of the server owns HSTS.
    expect(reply.headers).not.toHaveProperty('strict-transport-security');
  });
});

describe("the security headers are helmet's", () => {
  it("helmet 8, configured for a JSON API, answers exactly the vendor core's headers", () => {
    const answered: Record<string, string> = { 'Cache-Control': 'no-store' };
    const response = {
      setHeader: (name: string, value: unknown) => {
        answered[name] = String(value);
      },
      removeHeader: (name: string) => {
        delete answered[name];
      },
    };
    const handler = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    });
    handler({ headers: {} } as never, response as never, () => undefined);
    expect(answered).toEqual(securityHeaders);
  });
});

describe('CORS', () => {
  it.each(profiles)(
    '$vendor: a preflight from a local dev origin is answered before authentication, for every header the spec uses',
    async (profile) => {
      const { allowedHeaders } = corsHeadersOf(profile.document);
      const requested = [
        ...Object.keys(profile.credentialHeaders(profile.secret)),
        'content-type',
        ...(profile.vendor === 'fabro' ? ['if-match'] : []),
      ];
      const reply = await httpRequest(url(profile), {
        method: 'OPTIONS',
        path: profile.fixturePath,
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': profile.writeMethod,
          'access-control-request-headers': requested.join(','),
        },
      });
      expect(reply.status).toBe(204);
      expect(reply.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(String(reply.headers['access-control-allow-methods']).split(',')).toEqual(
        expect.arrayContaining([profile.writeMethod, 'GET']),
      );
      const allowed = String(reply.headers['access-control-allow-headers']).toLowerCase().split(',');
      expect(allowed).toEqual(expect.arrayContaining(requested));
      expect(allowedHeaders.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(requested));
      expect(reply.headers['access-control-max-age']).toBe('600');
      expect(reply.headers).not.toHaveProperty('access-control-allow-credentials');
    },
  );

  it.each(profiles)(
    '$vendor: a response to a local dev origin exposes the headers the spec documents',
    async (profile) => {
      const reply = await get(profile, { origin: 'http://127.0.0.1:3000' });
      expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
      expect(reply.headers.vary).toMatch(/Origin/);
      const exposed = String(reply.headers['access-control-expose-headers']).split(',');
      expect(exposed).toEqual(corsHeadersOf(profile.document).exposedHeaders);
      expect(exposed).toContain('X-Request-Id');
      const documented = {
        qoder: ['Retry-After'],
        fabro: ['ETag'],
        datadog: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
        launchdarkly: ['X-Ratelimit-Reset', 'Retry-After'],
      }[profile.vendor];
      expect(exposed).toEqual(expect.arrayContaining(documented));
    },
  );

  it.each(profiles)(
    '$vendor: another origin gets no CORS grant (the browser then refuses to share the answer)',
    async (profile) => {
      const preflight = await httpRequest(url(profile), {
        method: 'OPTIONS',
        path: profile.fixturePath,
        headers: { origin: 'https://evil.example', 'access-control-request-method': profile.writeMethod },
      });
      expect(preflight.headers).not.toHaveProperty('access-control-allow-origin');
      const reply = await get(profile, { origin: 'http://localhost.evil.example:5173' });
      expect(reply.headers).not.toHaveProperty('access-control-allow-origin');
    },
  );

  it.each([
    ['http://localhost:*', 'http://localhost:5173', true],
    ['http://localhost:*', 'http://localhost', true],
    ['http://localhost:*', 'http://localhost.evil.example', false],
    ['http://localhost:*', 'https://localhost:5173', false],
    ['https://*.example.com', 'https://app.example.com', true],
    ['https://*.example.com', 'https://a.b.example.com', true],
    ['https://*.example.com', 'https://example.com', false],
    ['https://*.example.com', 'https://evil.com/.example.com', false],
    ['https://app.example.com', 'https://APP.example.com', true],
  ])('origin pattern %s matches %s: %s', (pattern, origin, matches) => {
    expect(originPattern(pattern).test(origin)).toBe(matches);
  });

  it('refuses a pattern that is not an origin', () => {
    expect(() => originPattern('localhost:5173')).toThrow(/is not an origin: use scheme:\/\/host\[:port\]/);
    expect(() => originPattern('https://app.example.com/path')).toThrow(/is not an origin/);
  });

  it('defaults to local dev origins only', () => {
    expect(defaultCorsOrigins).toEqual([
      'http://localhost:*',
      'http://127.0.0.1:*',
      'http://[::1]:*',
      'https://localhost:*',
      'https://127.0.0.1:*',
      'https://[::1]:*',
    ]);
  });

  it('configured origins replace the defaults, and CORS can be turned off', async () => {
    const configured = await serve(await createApp('qoder', { cors: { origins: ['https://app.example.com'] } }));
    const off = await serve(await createApp('qoder', { cors: false }));
    const qoder = profiles.find((p) => p.vendor === 'qoder')!;
    const preflight = (base: string, origin: string) =>
      httpRequest(base, {
        method: 'OPTIONS',
        path: qoder.fixturePath,
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    try {
      expect((await preflight(configured.url, 'https://app.example.com')).headers['access-control-allow-origin']).toBe(
        'https://app.example.com',
      );
      expect((await preflight(configured.url, 'http://localhost:5173')).headers).not.toHaveProperty(
        'access-control-allow-origin',
      );
      const refused = await preflight(off.url, 'http://localhost:5173');
      expect([refused.status, refused.headers['access-control-allow-origin']]).toEqual([405, undefined]);
    } finally {
      await Promise.all([configured.close(), off.close()]);
    }
  });
});

describe('credentials never reach the log', () => {
  /** Every secret a demo credential holds, and the halves of Datadog's key pairs. */
  const secrets = vendors.flatMap((vendor) =>
    vendorCore(vendor).credentials.demo.flatMap((c) => [c.secret, ...c.secret.split(':')]),
  );
  const canary = 'canary_secret_7f3a9c';

  it('across every vendor: valid, unknown, throttled, read-only and misplaced credentials, and a 5xx', async () => {
    logLines.length = 0;
    for (const profile of profiles) {
      await get(profile);
      await get(profile, profile.credentialHeaders(canary));
      await httpRequest(url(profile), {
        method: 'GET',
        path: `${profile.fixturePath}?access_token=${canary}`,
        headers: profile.credentialHeaders(profile.secret),
      });
      for (const credential of vendorCore(profile.vendor).credentials.demo) {
        for (let i = 0; i < 3; i += 1) {
          await httpRequest(url(profile), {
            method: profile.writeMethod,
            path: profile.fixturePath,
            headers: { ...profile.credentialHeaders(credential.secret), 'content-type': 'application/json' },
            body: '{"x":1}',
          });
        }
      }
    }
    // A failing store: the 500 is logged with its error, still without the credential.
    const qoder = profiles.find((p) => p.vendor === 'qoder')!;
    const failing = new MemoryStore<unknown>();
    failing.get = async () => {
      throw new Error('disk on fire');
    };
    const broken = await serve(await createApp('qoder', { store: failing, logger }));
    try {
      const reply = await httpRequest(broken.url, {
        method: 'GET',
        path: `${qoder.fixturePath}`,
        headers: qoder.credentialHeaders(qoder.secret),
      });
      expect(reply.status).toBe(500);
      expect(reply.text).not.toContain('disk on fire');
    } finally {
      await broken.close();
    }

    const log = logLines.join('');
    expect(log).toContain('"credential":"qoder-demo-write"');
    expect(log).toContain('disk on fire');
    expect(log).toMatch(/"status":429/);
    expect(log).toMatch(/"status":403/);
    for (const secret of [...secrets, canary]) expect(log, `secret ${secret} was logged`).not.toContain(secret);
  });
});
