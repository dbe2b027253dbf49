/**
 * The stateful engine as a fetch handler, with no HTTP in between: each vendor's failures get the
 * reference server's status in the vendor's envelope and change nothing, and the engine works
 * over whatever Store it is given.
 */
import { describe, expect, it } from 'vitest';
import { bundleOf, listOperations, vendors, type Vendor } from '@envspec/specs';
import { envelopeIssues, errorMessage, readPath, requestIdPattern, updateRequest } from '@envspec/testkit';
import {
  MemoryStore,
  StoreUnavailableError,
  credentialHeaders,
  protocolErrors,
  vendorCore,
  type Store,
  type Versioned,
} from '@envspec/vendors';
import { createStatefulEngine, type StatefulEngine } from '../../src/stateful/index.ts';
import { invalidUtf8Bodies, validUtf8Body } from '../support/invalid-utf8-bodies.ts';

const origin = 'http://engine.test';

function call(
  engine: StatefulEngine,
  {
    method = 'GET',
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
): Promise<Response> {
  return engine.handle(new Request(`${origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
}

/** The spec's own update, with `changes` to its headers and body. */
function update(
  vendor: Vendor,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> } = {},
): { method: string; path: string; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> } {
  const spec = updateRequest(vendor);
  return {
    method: spec.method,
    path: spec.path,
    headers: { ...spec.headers, ...credentialHeaders(vendor), 'content-type': spec.contentType, ...headers },
    body: body ?? JSON.stringify(spec.body),
  };
}

async function currentEtag(engine: StatefulEngine): Promise<string> {
  const read = await call(engine, { path: readPath(engine.vendor), headers: credentialHeaders(engine.vendor) });
  return read.headers.get('etag')!;
}

const unauthenticated = (vendor: Vendor) => vendorCore(vendor).credentials.unauthenticatedStatus;
/** A JSON body the schema refuses: 400, or 422 for Fabro, whose framework answers so. */
const schemaRefused = (vendor: Vendor) => (vendor === 'fabro' ? 422 : 400);
const throttledVendors = vendors.filter((vendor) => vendorCore(vendor).credentials.demo.some((c) => c.rateLimit));

/** Requests every vendor refuses, and the status the reference server gives each. */
const refusals: Array<[string, (vendor: Vendor) => Parameters<typeof call>[1], (vendor: Vendor) => number]> = [
  ['a path outside the spec', (vendor) => ({ path: '/api/nowhere', headers: credentialHeaders(vendor) }), () => 404],
  ['a method the path does not have', (vendor) => ({ ...update(vendor), method: 'DELETE' }), () => 405],
  ['no credentials', (vendor) => ({ path: readPath(vendor) }), unauthenticated],
  [
    'an unknown credential',
    (vendor) => ({ path: readPath(vendor), headers: credentialHeaders(vendor, 'nobody:nothing') }),
    unauthenticated,
  ],
  ['a body that is not JSON', (vendor) => update(vendor, { body: '{"name": ' }), () => 400],
  ['a body nested 40 deep', (vendor) => update(vendor, { body: `${'['.repeat(40)}${']'.repeat(40)}` }), () => 400],
  [
    'a body that is not JSON at all',
    (vendor) => update(vendor, { headers: { 'content-type': 'text/plain' } }),
    () => 415,
  ],
  ['a body the schema refuses', (vendor) => update(vendor, { body: '{"unknown_field": true}' }), schemaRefused],
  [
    'an unknown query parameter',
    (vendor) => ({ path: `${readPath(vendor)}?x=1`, headers: credentialHeaders(vendor) }),
    () => 400,
  ],
];

describe.each(vendors)('%s engine', (vendor) => {
  it.each(refusals)(
    'answers %s with the reference server status in the envelope, changing nothing',
    async (_name, request, status) => {
      const engine = createStatefulEngine(vendor);
      const before = await engine.store.get(vendorCore(vendor).fixtures(bundleOf(vendor))[0]![0]);
      const response = await call(engine, request(vendor));
      expect(response.status).toBe(status(vendor));
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('x-request-id')).toMatch(requestIdPattern(vendor));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(envelopeIssues(vendor, await response.json())).toBe('');
      expect(await engine.store.get(vendorCore(vendor).fixtures(bundleOf(vendor))[0]![0])).toEqual(before);
    },
  );

  it.each(invalidUtf8Bodies(vendor))(
    'refuses a body with invalid UTF-8 %s: 400 saying so in the envelope, nothing stored',
    async (_name, body) => {
      const engine = createStatefulEngine(vendor);
      const key = vendorCore(vendor).fixtures(bundleOf(vendor))[0]![0];
      const before = await engine.store.get(key);
      const response = await call(engine, update(vendor, { body: new Uint8Array(body) }));
      expect(response.status).toBe(400);
      const answer = await response.json();
      expect(envelopeIssues(vendor, answer)).toBe('');
      expect(errorMessage(answer)).toMatch(/not valid UTF-8/);
      expect(await engine.store.get(key)).toEqual(before);
    },
  );

  it('stores the same update with valid UTF-8 where the bytes were', async () => {
    const engine = createStatefulEngine(vendor);
    const headers: Record<string, string> = vendor === 'fabro' ? { 'if-match': await currentEtag(engine) } : {};
    const response = await call(engine, update(vendor, { headers, body: new Uint8Array(validUtf8Body(vendor)) }));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.text()).toContain('texté');
  });

  it('answers 405 naming the methods the path has', async () => {
    const response = await call(createStatefulEngine(vendor), { ...update(vendor), method: 'DELETE' });
    expect(response.status).toBe(405);
    const methods = listOperations(bundleOf(vendor)).map(({ method }) => method.toUpperCase());
    expect(response.headers.get('allow')?.split(', ').sort()).toEqual(methods.sort());
  });

  it("applies the spec's own update and reads it back", async () => {
    const engine = createStatefulEngine(vendor);
    const updated = await call(engine, update(vendor));
    expect(updated.status).toBe(200);
    const read = await call(engine, { path: readPath(vendor), headers: credentialHeaders(vendor) });
    expect(await read.json()).toEqual(await updated.json());
  });
});

describe.each(throttledVendors)('%s engine with a throttled demo credential', (vendor) => {
  it('rate-limits it after two calls', async () => {
    const engine = createStatefulEngine(vendor);
    const throttled = vendorCore(vendor).credentials.demo.find((credential) => credential.rateLimit)!;
    const headers = credentialHeaders(vendor, throttled.secret);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(engine, { path: readPath(vendor), headers })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('vendor-specific statuses', () => {
  it('fabro: a missing If-Match is 428, a stale one 409, and a body the schema refuses wins over both (422)', async () => {
    const engine = createStatefulEngine('fabro');
    const { 'if-match': _ifMatch, ...withoutIfMatch } = update('fabro').headers;
    expect((await call(engine, { ...update('fabro'), headers: withoutIfMatch })).status).toBe(428);
    const stale = '"0000000000000000000000000000000000000000000000000000000000000000"';
    expect((await call(engine, update('fabro', { headers: { 'if-match': stale } }))).status).toBe(409);
    const refused = { ...update('fabro', { body: '{"provider": "podman"}' }), headers: withoutIfMatch };
    expect((await call(engine, refused)).status).toBe(422);
  });

  it('fabro: no credential is ever throttled, and the request id the client sends is not reused', async () => {
    const engine = createStatefulEngine('fabro', { rateLimit: { limit: 1, windowMs: 60_000 } });
    const headers = { ...credentialHeaders('fabro'), 'x-request-id': 'mine' };
    const responses = await Promise.all([1, 2, 3].map(() => call(engine, { path: readPath('fabro'), headers })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    for (const response of responses) expect(response.headers.get('x-request-id')).toMatch(requestIdPattern('fabro'));
  });

  it('qoder: POST is the same update as PUT', async () => {
    const [viaPut, viaPost] = await Promise.all(
      (['PUT', 'POST'] as const).map(async (method) => {
        const engine = createStatefulEngine('qoder', { clock: () => new Date('2026-06-01T00:00:00Z') });
        const response = await call(engine, { ...update('qoder'), method });
        return [response.status, await response.json()];
      }),
    );
    expect(viaPost).toEqual(viaPut);
    expect(viaPut![0]).toBe(200);
  });

  it.each(['datadog', 'launchdarkly'] as const)('%s: a write-only credential reading is 403', async (vendor) => {
    const writeOnly = vendorCore(vendor).credentials.demo.find((credential) => credential.access === 'write-only')!;
    const response = await call(createStatefulEngine(vendor), {
      path: readPath(vendor),
      headers: credentialHeaders(vendor, writeOnly.secret),
    });
    expect(response.status).toBe(403);
    expect(envelopeIssues(vendor, await response.json())).toBe('');
  });

  it('launchdarkly: a failing test operation is 409 and applies nothing', async () => {
    const engine = createStatefulEngine('launchdarkly');
    const patch = [
      { op: 'replace', path: '/name', value: 'renamed' },
      { op: 'test', path: '/name', value: 'not the name' },
    ];
    const response = await call(engine, update('launchdarkly', { body: JSON.stringify(patch) }));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { code: string }).code).toBe('optimistic_locking_error');
  });

  it.each(['qoder', 'datadog'] as const)('%s: a read-only credential writing is 403', async (vendor) => {
    const readOnly = vendorCore(vendor).credentials.demo.find((credential) => credential.access === 'read')!;
    const response = await call(
      createStatefulEngine(vendor),
      update(vendor, { headers: credentialHeaders(vendor, readOnly.secret) }),
    );
    expect(response.status).toBe(403);
  });
});

it('works over the Store it is given', async () => {
  const seeded = vendorCore('qoder').fixtures(bundleOf('qoder'));
  const inner = new MemoryStore(seeded);
  const writes: string[] = [];
  const store: Store<unknown> = {
    get: (key) => inner.get(key),
    close: () => inner.close(),
    async compareAndSet(key, expected, value): Promise<Versioned<unknown> | undefined> {
      writes.push(key);
      return inner.compareAndSet(key, expected, value);
    },
  };
  const engine = createStatefulEngine('qoder', { store });
  expect((await call(engine, update('qoder'))).status).toBe(200);
  expect(writes).toEqual([seeded[0]![0]]);
});

describe.each(vendors)('%s engine over an unavailable store', (vendor) => {
  const cause = new StoreUnavailableError('PostgreSQL at postgres://u:***@10.1.2.3/db is unavailable: ECONNREFUSED', {
    retryAfterSeconds: 2,
  });
  const unavailable: Store<unknown> = {
    get: async () => {
      throw cause;
    },
    compareAndSet: async () => {
      throw cause;
    },
    close: async () => undefined,
  };

  it.each([
    ['a read', () => ({ path: readPath(vendor), headers: credentialHeaders(vendor) })],
    ['a write', () => update(vendor)],
  ])('answers %s 503 in the envelope with Retry-After, the cause only to onError', async (_name, request) => {
    const reported: unknown[] = [];
    const engine = createStatefulEngine(vendor, { store: unavailable, onError: (error) => reported.push(error) });
    const response = await call(engine, request());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    const body = await response.json();
    const core = vendorCore(vendor);
    const requestId = response.headers.get('x-request-id')!;
    expect(body).toEqual(core.renderError(core.adaptError(protocolErrors.storeUnavailable(2)), requestId));
    expect(envelopeIssues(vendor, body)).toBe('');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|postgres:/);
    expect(reported).toEqual([cause]);
  });
});
