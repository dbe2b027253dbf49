/**
 * Slow and idle clients against every vendor, with the limits set small so each case takes well
 * under two seconds: a slow-loris header drip and a silent connection get a 408 once the headers
 * timeout passes, a stalled or trickling body once the request timeout passes, a kept-alive
 * connection is reused and closed once idle for the keep-alive timeout; the body, header, depth and JSON Patch limits
 * follow their configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import {
  connectionsCheckingInterval,
  defaultBodyLimits,
  defaultConnectionLimits,
  launchDarklyCore,
  resolveConnectionLimits,
} from '@envspec/vendors';
import { startServers, type ServerFleet } from '../../src/start-servers.ts';
import { agent, httpRequest, socketExchange, type SocketExchange } from '../support/raw-http.ts';
import { envelopeProblems, profiles, type VendorProfile } from './profiles.ts';

const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 1_000, maxHeaderBytes: 4_096 };
const body = { limitBytes: 2_048, maxDepth: 8, drainBytes: 8_192 };
const maxPatchOperations = 3;

let fleet: ServerFleet;
const url = (vendor: Vendor) => fleet.servers.find((s) => s.vendor === vendor)!.url;

beforeAll(async () => {
  fleet = await startServers({
    ports: Object.fromEntries(vendors.map((vendor) => [vendor, 0])),
    limits,
    body,
    vendorOptions: { maxPatchOperations },
  });
});
afterAll(async () => {
  agent.destroy();
  await fleet?.stop();
});

function head(method: string, path: string, headers: Record<string, string>, connection = 'close'): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries({ host: 'localhost', connection, ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}

function writeRequest(profile: VendorProfile, etag: string | undefined) {
  const text = JSON.stringify(profile.validBody);
  const headers = {
    ...profile.credentialHeaders(profile.secret),
    ...(etag ? { 'if-match': etag } : {}),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  };
  return { text, head: head(profile.writeMethod, profile.fixturePath, headers) };
}

/**
 * A 408 in the envelope and a closed connection, not before the timeout. How soon after it depends on
 * the machine, so it is not asserted: that the connection closes at all is (the exchange fails when the
 * server never closes), and that timeouts are checked often is (`connectionsCheckingInterval` below).
 */
function expectTimeout(profile: VendorProfile, exchange: SocketExchange, atLeastMs: number): void {
  expect(exchange.reply?.status, exchange.raw.slice(0, 200)).toBe(408);
  expect(envelopeProblems(profile, exchange.reply!)).toEqual([]);
  expect(exchange.reply!.headers.connection).toBe('close');
  expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(atLeastMs - 50);
}

/** Runs `check` for every vendor at once, naming the vendor in any failure. */
function forEachVendor(check: (profile: VendorProfile) => Promise<void>): Promise<void> {
  return Promise.all(
    profiles.map((profile) =>
      check(profile).catch((error: Error) => {
        error.message = `${profile.vendor}: ${error.message}`;
        throw error;
      }),
    ),
  ).then(() => undefined);
}

// Each case runs against all four vendors at once, and the five cases run concurrently.
describe.concurrent('slow clients, every vendor', () => {
  it('a header drip (slow loris) gets 408 once the headers timeout passes', () =>
    forEachVendor(async (profile) => {
      const exchange = await socketExchange(url(profile.vendor), (write) => {
        write(`GET ${profile.fixturePath} HTTP/1.1\r\nhost: localhost\r\n`);
        let n = 0;
        const drip = setInterval(() => {
          n += 1;
          write(`x-drip-${n}: ${'.'.repeat(10)}\r\n`);
        }, 40);
        return () => clearInterval(drip);
      });
      expectTimeout(profile, exchange, limits.headersTimeoutMs);
    }));

  it('a connection that sends nothing gets 408 once the headers timeout passes', () =>
    forEachVendor(async (profile) =>
      expectTimeout(profile, await socketExchange(url(profile.vendor), () => undefined), limits.headersTimeoutMs),
    ));

  it('a body that stalls halfway gets 408 once the request timeout passes', () =>
    forEachVendor(async (profile) => {
      const { text, head: requestHead } = writeRequest(profile, undefined);
      const exchange = await socketExchange(
        url(profile.vendor),
        (write) => void write(requestHead + text.slice(0, Math.floor(text.length / 2))),
      );
      expectTimeout(profile, exchange, limits.requestTimeoutMs);
    }));

  it('a body that trickles in a byte at a time gets 408 once the request timeout passes', () =>
    forEachVendor(async (profile) => {
      const { text, head: requestHead } = writeRequest(profile, undefined);
      const exchange = await socketExchange(url(profile.vendor), (write) => {
        write(requestHead);
        let sent = 0;
        const trickle = setInterval(() => {
          if (sent >= text.length - 1) return;
          write(text[sent]!);
          sent += 1;
        }, 25);
        return () => clearInterval(trickle);
      });
      expectTimeout(profile, exchange, limits.requestTimeoutMs);
    }));

  it('a kept-alive connection is reused, and closed once idle for the keep-alive timeout', () =>
    forEachVendor(async (profile) => {
      const get = head('GET', profile.fixturePath, profile.credentialHeaders(profile.secret), 'keep-alive');
      // Two requests at once (pipelined), so no timer of ours races the keep-alive timeout: both answered on one connection.
      const exchange = await socketExchange(url(profile.vendor), (write) => void write(get + get));
      expect(exchange.raw.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
      expect(exchange.reply!.headers['keep-alive']).toBe(`timeout=${limits.keepAliveTimeoutMs / 1000}`);
      // Closed (the exchange ends only then), and not before the advertised timeout.
      expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(limits.keepAliveTimeoutMs - 50);
    }));
});

describe.each(profiles)('$vendor', (profile) => {
  describe('configured limits', () => {
    it('a body over the configured limit is 413 and names it', async () => {
      const big = JSON.stringify({ padding: 'x'.repeat(3_000) });
      const reply = await httpRequest(url(profile.vendor), {
        method: profile.writeMethod,
        path: profile.fixturePath,
        headers: { ...profile.credentialHeaders(profile.secret), 'content-type': 'application/json' },
        body: big,
      });
      expect(reply.status).toBe(413);
      expect(reply.text).toContain('2048-byte limit');
    });

    it('a body over the drain size is refused before it is read, and the connection closed', async () => {
      const exchange = await socketExchange(url(profile.vendor), (write) => {
        write(
          head(
            profile.writeMethod,
            profile.fixturePath,
            {
              ...profile.credentialHeaders(profile.secret),
              'content-type': 'application/json',
              'content-length': String(body.drainBytes + 1),
            },
            'keep-alive',
          ),
        );
      });
      // Refused before the body: a server waiting for the body (never sent) would answer 408 at the request timeout.
      expect(exchange.reply?.status).toBe(413);
      expect(exchange.reply!.headers.connection).toBe('close');
    });

    it('headers over the configured size are 431', async () => {
      const exchange = await socketExchange(
        url(profile.vendor),
        (write) => void write(head('GET', profile.fixturePath, { 'x-big': 'a'.repeat(5_000) })),
      );
      expect(exchange.reply?.status).toBe(431);
      expect(exchange.reply!.text).toContain('4096-byte limit');
    });

    it('a body deeper than the configured depth is 400', async () => {
      const deep = JSON.stringify(
        Array.isArray(profile.validBody)
          ? profile.validBody
          : { ...(profile.validBody as object), extra: [[[[[[[[['nine']]]]]]]]] },
      );
      const reply = await httpRequest(url(profile.vendor), {
        method: profile.writeMethod,
        path: profile.fixturePath,
        headers: { ...profile.credentialHeaders(profile.secret), 'content-type': 'application/json' },
        body: Array.isArray(profile.validBody) ? `[[[[[[[[[${deep}]]]]]]]]]` : deep,
      });
      expect(reply.status).toBe(400);
      expect(reply.text).toContain('at most 8 are accepted');
    });

    it('still answers normally afterwards', async () => {
      const reply = await httpRequest(url(profile.vendor), {
        method: 'GET',
        path: profile.fixturePath,
        headers: profile.credentialHeaders(profile.secret),
      });
      expect(reply.status).toBe(200);
    });
  });
});

describe('the JSON Patch cap', () => {
  const launchdarkly = profiles.find((p) => p.vendor === 'launchdarkly')!;
  const patch = (operations: number) =>
    httpRequest(url('launchdarkly'), {
      method: 'PATCH',
      path: launchdarkly.fixturePath,
      headers: { ...launchdarkly.credentialHeaders(launchdarkly.secret), 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: operations }, () => ({ op: 'test', path: '/key', value: 'production' })),
      ),
    });
  it('a patch at the configured cap applies', async () => {
    expect((await patch(maxPatchOperations)).status).toBe(200);
  });
  it('a patch over the configured cap is 400 and names the cap', async () => {
    const reply = await patch(maxPatchOperations + 1);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      code: 'invalid_request',
      message: expect.stringMatching(/^the JSON Patch has 4 operations; at most 3 are accepted per request/),
    });
  });
});

describe('safe defaults', () => {
  it.each([
    ['headers timeout', defaultConnectionLimits.headersTimeoutMs, 10_000],
    ['request timeout', defaultConnectionLimits.requestTimeoutMs, 30_000],
    ['keep-alive timeout', defaultConnectionLimits.keepAliveTimeoutMs, 5_000],
    ['header size', defaultConnectionLimits.maxHeaderBytes, 16 * 1024],
    ['body size', defaultBodyLimits.limitBytes, 100 * 1024],
    ['JSON depth', defaultBodyLimits.maxDepth, 32],
    ['drain size', defaultBodyLimits.drainBytes, 10 * 1024 * 1024],
    ['JSON Patch operations', launchDarklyCore.options.maxPatchOperations.default, 100],
  ])('%s defaults to %i (the README documents it)', (_name, actual, documented) => {
    expect(actual).toBe(documented);
  });

  it('timeouts are enforced within a second by default, not within Node’s 30 s check interval', () => {
    expect(connectionsCheckingInterval(defaultConnectionLimits)).toBeLessThanOrEqual(1_000);
    expect(connectionsCheckingInterval(limits)).toBe(75);
  });

  it.each([
    [{ headersTimeoutMs: 40_000 }, /headers timeout \(40000 ms\) cannot exceed the request timeout \(30000 ms\)/],
    [{ keepAliveTimeoutMs: 0 }, /keepAliveTimeoutMs must be a positive whole number/],
    [{ maxHeaderBytes: 1.5 }, /maxHeaderBytes must be a positive whole number/],
  ])('refuses unusable limits %j', (overrides, message) => {
    expect(() => resolveConnectionLimits(overrides)).toThrow(message);
  });
});
