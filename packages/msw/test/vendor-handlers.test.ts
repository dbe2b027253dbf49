/**
 * One vendor's handlers under msw/node, in both modes: what the spec's examples answer and how a
 * documented status is chosen; the stateful engine's state, and `reset()` bringing the fixtures
 * and fresh rate-limit windows back; base URLs; the delay; injected failures.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleOf, responseExample, vendors, type Vendor } from '@envspec/specs';
import { envelopeIssues, errorMessage, operationOf, readPath, updateRequest } from '@envspec/testkit';
import { credentialHeaders, demoCredential, vendorCore } from '@envspec/vendors';
import { defaultBaseUrl, vendorHandlers, type VendorHandlersOptions } from '../src/index.ts';
import { mswServer } from './support.ts';

const server = mswServer();

/** Serves `vendor`'s handlers for this test and returns them. */
function serve(vendor: Vendor, options: VendorHandlersOptions = {}) {
  const mock = vendorHandlers(vendor, options);
  server.use(...mock.handlers);
  return mock;
}

function read(vendor: Vendor, headers = credentialHeaders(vendor), base = defaultBaseUrl(vendor)) {
  return fetch(`${base}${readPath(vendor)}`, { headers });
}

/** The spec's own update request, with `headers` added. */
function write(vendor: Vendor, headers: Record<string, string> = {}, body?: string) {
  const spec = updateRequest(vendor);
  return fetch(`${defaultBaseUrl(vendor)}${spec.path}`, {
    method: spec.method,
    headers: { ...spec.headers, ...credentialHeaders(vendor), 'content-type': spec.contentType, ...headers },
    body: body ?? JSON.stringify(spec.body),
  });
}

const readOperation = (vendor: Vendor) => operationOf(vendor, 'read').operation.operationId;
const writeOperation = (vendor: Vendor) => operationOf(vendor, 'write').operation;
const unauthenticated = (vendor: Vendor) => vendorCore(vendor).credentials.unauthenticatedStatus;
/** A JSON body the schema refuses: 400, or 422 for Fabro, whose framework answers so. */
const schemaRefused = (vendor: Vendor) => (vendor === 'fabro' ? 422 : 400);
/** Fabro has no rate limiting, so no throttled demo credential. */
const throttledVendors = vendors.filter((vendor) => demoCredential(vendor, 'throttled') !== undefined);

describe.each(vendors)('%s in examples mode', (vendor) => {
  it("answers a read with the spec's success example and a request id", async () => {
    serve(vendor, { mode: 'examples' });
    const response = await read(vendor);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual(responseExample(bundleOf(vendor), readOperation(vendor), '200'));
  });

  it.each(Object.keys(writeOperation(vendor).responses))(
    'serves the documented %s of the update, chosen with Prefer: code=…',
    async (status) => {
      serve(vendor, { mode: 'examples' });
      const response = await write(vendor, { prefer: `code=${status}` });
      expect(response.status).toBe(Number(status));
      expect(await response.json()).toEqual(
        responseExample(bundleOf(vendor), writeOperation(vendor).operationId, status),
      );
    },
  );

  it('refuses a Prefer code the operation does not document, naming the documented ones', async () => {
    serve(vendor, { mode: 'examples' });
    const response = await read(vendor, { ...credentialHeaders(vendor), prefer: 'code=418' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(errorMessage(body)).toContain('documented: 200');
  });

  it("refuses a body the schema does not allow, in the vendor's envelope", async () => {
    serve(vendor, { mode: 'examples' });
    const response = await write(vendor, {}, JSON.stringify(Array.isArray(updateRequest(vendor).body) ? {} : []));
    expect(response.status).toBe(schemaRefused(vendor));
    expect(envelopeIssues(vendor, await response.json())).toBe('');
  });

  it("refuses a request without a demo credential with the vendor's status, as the mock server does", async () => {
    serve(vendor, { mode: 'examples' });
    for (const headers of [{}, vendorCore(vendor).credentials.present('someone:else')]) {
      const refused = await read(vendor, headers);
      expect(refused.status).toBe(unauthenticated(vendor));
      expect(envelopeIssues(vendor, await refused.json())).toBe('');
    }
    expect((await read(vendor)).status).toBe(200);
  });

  it('has nothing to reset', async () => {
    const mock = serve(vendor, { mode: 'examples' });
    expect(mock.store).toBeUndefined();
    mock.reset();
    expect((await read(vendor)).status).toBe(200);
  });
});

describe.each(vendors)('%s in stateful mode', (vendor) => {
  it('returns an update from the next read, and reset() brings the fixture back', async () => {
    const mock = serve(vendor);
    const fixture = await (await read(vendor)).json();
    const updated = await write(vendor);
    expect(updated.status).toBe(200);
    const afterUpdate = await (await read(vendor)).json();
    expect(afterUpdate).not.toEqual(fixture);
    expect(afterUpdate).toEqual(await updated.json());
    mock.reset();
    expect(await (await read(vendor)).json()).toEqual(fixture);
  });

  it('checks credentials against the demo credentials', async () => {
    serve(vendor);
    const stranger = await read(vendor, vendorCore(vendor).credentials.present('someone:else'));
    expect(stranger.status).toBe(unauthenticated(vendor));
    expect(envelopeIssues(vendor, await stranger.json())).toBe('');
  });
});

describe.each(throttledVendors)('%s rate limits in stateful mode', (vendor) => {
  it('gives reset() fresh rate-limit windows', async () => {
    const mock = serve(vendor);
    const throttled = credentialHeaders(vendor, demoCredential(vendor, 'throttled')!.secret);
    const statuses: number[] = [];
    for (let call = 0; call < 3; call += 1) statuses.push((await read(vendor, throttled)).status);
    expect(statuses).toEqual([200, 200, 429]);
    mock.reset();
    expect((await read(vendor, throttled)).status).toBe(200);
  });
});

describe('base URLs', () => {
  it.each([
    ['qoder', 'https://openapi.qoder.sh'],
    ['fabro', 'https://api.example.com'],
    ['datadog', 'https://api.datadoghq.com'],
    ['launchdarkly', 'https://app.launchdarkly.com'],
  ] as const)("default to %s's own host from its spec, %s", (vendor, host) => {
    expect(defaultBaseUrl(vendor)).toBe(host);
    expect(vendorHandlers(vendor).baseUrl).toBe(host);
  });

  it('may carry a path prefix, which the spec paths follow', async () => {
    const mock = serve('qoder', { baseUrl: 'http://localhost:5173/vendors/qoder/' });
    expect(mock.baseUrl).toBe('http://localhost:5173/vendors/qoder');
    const answered = await read('qoder', credentialHeaders('qoder'), mock.baseUrl);
    expect(answered.status).toBe(200);
    await expect(read('qoder', credentialHeaders('qoder'), 'http://localhost:5173')).rejects.toThrow();
  });

  it("answers a path outside the spec under the base with the vendor's 404, and leaves other hosts alone", async () => {
    serve('datadog');
    const outside = await fetch('https://api.datadoghq.com/api/v1/nowhere', { headers: credentialHeaders('datadog') });
    expect(outside.status).toBe(404);
    expect(envelopeIssues('datadog', await outside.json())).toBe('');
    await expect(fetch(`https://api.datadoghq.eu${readPath('datadog')}`)).rejects.toThrow();
  });

  it.each([
    ['not a URL', 'api.example.com', 'must be an absolute URL'],
    ['another protocol', 'ftp://api.example.com', 'must be http or https'],
    ['a query', 'https://api.example.com/?site=eu', 'takes no query or fragment'],
  ])('refuses %s', (_name, baseUrl, message) => {
    expect(() => vendorHandlers('fabro', { baseUrl })).toThrow(message);
  });
});

describe('options', () => {
  afterEach(() => vi.useRealTimers());

  it('waits the delay before answering', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    serve('launchdarkly', { delay: 1500 });
    let settled = false;
    const answered = read('launchdarkly').then((response) => {
      settled = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(1499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answered).status).toBe(200);
  });

  it('asks a delay function per request', async () => {
    const asked: string[] = [];
    serve('qoder', {
      delay: (request) => {
        asked.push(`${request.method} ${new URL(request.url).pathname}`);
        return 0;
      },
    });
    await read('qoder');
    expect(asked).toEqual([`GET ${readPath('qoder')}`]);
  });

  it.each([
    ['a negative delay', { delay: -1 }, 'delay must be a number of milliseconds'],
    ['an unknown mode', { mode: 'dynamic' as never }, 'mode must be one of stateful, examples'],
  ])('refuses %s', (_name, options, message) => {
    expect(() => vendorHandlers('qoder', options)).toThrow(message);
  });
});

describe('injected failures', () => {
  it("serve a documented status from the spec's example, with its documented headers", async () => {
    serve('qoder', { inject: () => 429 });
    const response = await read('qoder');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual(responseExample(bundleOf('qoder'), 'getEnvironment', '429'));
  });

  it.each(vendors)("render any other status in %s's envelope", async (vendor) => {
    serve(vendor, { inject: () => 503 });
    const response = await read(vendor);
    expect(response.status).toBe(503);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = await response.json();
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(errorMessage(body)).toContain('injected failure: Service Unavailable');
  });

  it("carry a message into the vendor's envelope, even for a documented status", async () => {
    serve('fabro', { inject: () => ({ status: 409, message: 'someone else saved first' }) });
    const response = await write('fabro');
    expect(response.status).toBe(409);
    expect(errorMessage(await response.json())).toBe('someone else saved first');
  });

  it('may be a whole Response of your own', async () => {
    serve('datadog', { inject: () => new Response('offline', { status: 502 }) });
    const response = await read('datadog');
    expect([response.status, await response.text()]).toEqual([502, 'offline']);
  });

  it('are decided per request, knowing the operation and its documented statuses, and change nothing', async () => {
    const seen: unknown[] = [];
    const mock = serve('launchdarkly', {
      inject: (request, context) => {
        seen.push(context);
        return request.method === 'PATCH' ? 500 : undefined;
      },
    });
    const before = await (await read('launchdarkly')).json();
    expect((await write('launchdarkly')).status).toBe(500);
    expect(await (await read('launchdarkly')).json()).toEqual(before);
    await fetch('https://app.launchdarkly.com/api/nowhere');
    expect(seen).toEqual([
      {
        vendor: 'launchdarkly',
        operationId: 'getEnvironment',
        documentedStatuses: ['200', '400', '401', '403', '404', '429'],
      },
      {
        vendor: 'launchdarkly',
        operationId: 'patchEnvironment',
        documentedStatuses: ['200', '400', '401', '404', '409', '413', '415', '429'],
      },
      {
        vendor: 'launchdarkly',
        operationId: 'getEnvironment',
        documentedStatuses: ['200', '400', '401', '403', '404', '429'],
      },
      { vendor: 'launchdarkly', operationId: undefined, documentedStatuses: [] },
    ]);
    expect(mock.store).toBeDefined();
  });
});
