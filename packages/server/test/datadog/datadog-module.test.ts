import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentExample, loadBundle, responseExample } from '@envspec/specs';
import { vendorResponseIssues } from '@envspec/specs/vendor-definitions';
import type { DatadogAPIErrorResponse, DatadogEnvironment, DatadogEnvironmentResponse } from '@envspec/types/datadog';
import { createSeededStore, type AppOptions } from '../../src/create-app.ts';
import { datadogCore } from '@envspec/vendors';
import { sharedHarness, startHarness, type Harness } from '../support/harness.ts';

const id = '550e8400-e29b-41d4-a716-446655440001';
const path = `/api/v2/feature-flags/environments/${id}`;
const unknownPath = '/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655449999';
const keys = (applicationKey: string) => ({ 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': applicationKey });
const write = keys('dd_demo_app_key_write');
const read = keys('dd_demo_app_key_read');
const throttled = keys('dd_demo_app_key_throttled');
const fixedNow = new Date('2026-11-23T10:00:00.000Z');
const rateLimitHeaderNames = [
  'x-ratelimit-limit',
  'x-ratelimit-period',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-name',
];

const bundle = loadBundle('datadog');
const seeded = responseExample<DatadogEnvironmentResponse>(bundle, 'GetFeatureFlagsEnvironment', '200');
const example = (name: string): unknown => componentExample(bundle, name);
const updatedExample = responseExample<DatadogEnvironmentResponse>(bundle, 'UpdateFeatureFlagsEnvironment', '200').data;
const update = (attributes: Record<string, unknown>) => ({ data: { type: 'environments', attributes } });

let now: Date;
let server: Harness;
/** Replaces the running server with one built from `options` (the clock is always the test's). */
async function restart(options: AppOptions = {}): Promise<void> {
  await server.close();
  server = await startHarness('datadog', { clock: () => now, ...options });
}
const current = async () => (await server.request('GET', path, { headers: read })).body as DatadogEnvironmentResponse;

const shared = sharedHarness('datadog', { clock: () => now });
beforeEach(async () => {
  now = fixedNow;
  server = await shared.fresh();
});
afterEach(async () => server.close());

describe('datadog GET', () => {
  it('answers the seeded environment, the spec example, as a JSON:API document', async () => {
    const reply = await server.request('GET', path, { headers: read });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(seeded);
  });

  it("answers the environment without a description with a null one, as Datadog's own schema allows", async () => {
    const withoutDescription = responseExample<DatadogEnvironmentResponse>(
      bundle,
      'GetFeatureFlagsEnvironment',
      '200',
      'withoutDescription',
    );
    const reply = await server.request('GET', `/api/v2/feature-flags/environments/${withoutDescription.data.id}`, {
      headers: read,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(withoutDescription);
    expect(withoutDescription.data.attributes.description).toBeNull();
    expect(vendorResponseIssues('datadog', 'GetFeatureFlagsEnvironment', 200, reply.body)).toEqual([]);
  });

  it.each([
    ['upper case', id.toUpperCase()],
    ['urn:uuid: prefix', `urn:uuid:${id}`],
  ])('finds the environment by any spelling of its UUID (%s)', async (_name, spelling) => {
    const reply = await server.request<DatadogEnvironmentResponse>(
      'GET',
      `/api/v2/feature-flags/environments/${spelling}`,
      { headers: read },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data.id).toBe(id);
  });
});

describe('datadog partial update', () => {
  type Data = DatadogEnvironment;
  const withAttributes = (before: Data, attributes: Record<string, unknown>): Data => ({
    ...before,
    attributes: { ...before.attributes, ...attributes, updated_at: fixedNow.toISOString() },
  });
  const cases: Array<[string, { body: unknown; want: (before: Data, after: Data) => void }]> = [
    [
      'omitted attributes stay unchanged',
      {
        body: update({ name: 'staging-web' }),
        want: (b, a) => expect(a).toEqual(withAttributes(b, { name: 'staging-web' })),
      },
    ],
    [
      'is_production alone',
      {
        body: update({ is_production: true }),
        want: (b, a) => expect(a).toEqual(withAttributes(b, { is_production: true })),
      },
    ],
    [
      'require_feature_flag_approval alone',
      {
        body: update({ require_feature_flag_approval: true }),
        want: (b, a) => expect(a).toEqual(withAttributes(b, { require_feature_flag_approval: true })),
      },
    ],
    [
      'queries are replaced as a whole, not merged',
      {
        body: update({ queries: ['prod-eu'] }),
        want: (b, a) => expect(a).toEqual(withAttributes(b, { queries: ['prod-eu'] })),
      },
    ],
    [
      'a false boolean is applied, not taken for omitted',
      {
        body: update({ is_production: false, require_feature_flag_approval: false }),
        want: (b, a) => expect(a).toEqual(withAttributes(b, {})),
      },
    ],
    [
      'every attribute at once gives the spec example',
      {
        body: example('UpdateAllAttributesRequest'),
        want: (_b, a) => expect(a).toEqual(withAttributes(updatedExample, {})),
      },
    ],
    [
      'rename and scope (spec example)',
      {
        body: example('RenameAndScopeRequest'),
        want: (b, a) =>
          expect(a).toEqual(withAttributes(b, { name: 'production-environment', queries: ['production', 'prod-us'] })),
      },
    ],
    [
      'empty attributes change only updated_at',
      { body: update({}), want: (b, a) => expect(a).toEqual(withAttributes(b, {})) },
    ],
    [
      'id, type, key, description and created_at are kept',
      {
        body: update({ name: 'x', queries: ['y'] }),
        want: (b, a) =>
          expect([a.id, a.type, a.attributes.key, a.attributes.description, a.attributes.created_at]).toEqual([
            b.id,
            b.type,
            b.attributes.key,
            b.attributes.description,
            b.attributes.created_at,
          ]),
      },
    ],
    [
      'updated_at is refreshed from the clock',
      { body: update({ name: 'x' }), want: (_b, a) => expect(a.attributes.updated_at).toBe(fixedNow.toISOString()) },
    ],
  ];
  it.each(cases)('%s', async (_name, { body, want }) => {
    const before = (await current()).data;
    const reply = await server.request<DatadogEnvironmentResponse>('PUT', path, { headers: write, body });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['data']);
    expect(Object.keys(reply.body.data).sort()).toEqual(['attributes', 'id', 'type']);
    want(before, reply.body.data);
    expect(await current()).toEqual(reply.body);
  });

  it('a second update builds on the first', async () => {
    await server.request('PUT', path, { headers: write, body: update({ name: 'first' }) });
    now = new Date(fixedNow.getTime() + 1000);
    const reply = await server.request<DatadogEnvironmentResponse>('PUT', path, {
      headers: write,
      body: update({ is_production: true }),
    });
    expect(reply.body.data.attributes).toMatchObject({
      name: 'first',
      is_production: true,
      updated_at: now.toISOString(),
    });
  });
});

describe('datadog errors answer in the Datadog envelope and change nothing', () => {
  interface Case {
    method?: 'GET' | 'PUT' | 'DELETE';
    path?: string;
    headers?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    status: number;
    /** One pattern per expected string in `errors`, in order. */
    errors: RegExp[];
  }
  const valid = update({ name: 'x' });
  const authHint = /: send a valid key pair as the DD-API-KEY and DD-APPLICATION-KEY headers$/;
  const cases: Array<[string, Case]> = [
    // GET: 400 403 404 (429 below, with the rate limits)
    [
      'GET: id not a UUID',
      {
        method: 'GET',
        path: '/api/v2/feature-flags/environments/staging',
        status: 400,
        errors: [/^environment_id must be a UUID$/],
      },
    ],
    [
      'GET: id with a path traversal',
      {
        method: 'GET',
        path: '/api/v2/feature-flags/environments/..%2Fetc',
        status: 400,
        errors: [/^environment_id must be a UUID$/],
      },
    ],
    [
      'GET: unknown query parameter',
      { method: 'GET', path: `${path}?page=2`, status: 400, errors: [/Unknown query parameter 'page'/] },
    ],
    ['GET: no keys', { method: 'GET', headers: {}, status: 403, errors: [/^'DD-API-KEY' header required/] }],
    [
      'GET: application key missing',
      { method: 'GET', headers: { 'dd-api-key': 'dd_demo_api_key' }, status: 403, errors: [authHint] },
    ],
    [
      'GET: API key missing',
      {
        method: 'GET',
        headers: { 'dd-application-key': 'dd_demo_app_key_write' },
        status: 403,
        errors: [/^'DD-API-KEY' header required/],
      },
    ],
    [
      'GET: unknown key pair',
      { method: 'GET', headers: keys('nope'), status: 403, errors: [/^the credential is unknown or malformed/] },
    ],
    [
      'GET: valid application key with a wrong API key',
      { method: 'GET', headers: { ...write, 'dd-api-key': 'other_api_key' }, status: 403, errors: [authHint] },
    ],
    [
      'GET: both keys in one header',
      {
        method: 'GET',
        headers: { 'dd-api-key': 'dd_demo_api_key:dd_demo_app_key_write' },
        status: 403,
        errors: [authHint],
      },
    ],
    [
      'GET: an application key with the write permission but not the read one',
      {
        method: 'GET',
        headers: keys('dd_demo_app_key_write_only'),
        status: 403,
        errors: [/^Forbidden: the application key is missing the feature_flag_environment_config_read permission$/],
      },
    ],
    [
      'GET: unknown environment',
      {
        method: 'GET',
        path: unknownPath,
        status: 404,
        errors: [/^Environment 550e8400-e29b-41d4-a716-446655449999 not found$/],
      },
    ],
    // PUT: 400 403 404 413 415 (429 below)
    [
      'PUT: data.type other than environments',
      {
        body: { data: { type: 'environment', attributes: { name: 'x' } } },
        status: 400,
        errors: [/^body\/data\/type must be equal to one of the allowed values: environments$/],
      },
    ],
    [
      'PUT: data.type missing',
      {
        body: { data: { attributes: { name: 'x' } } },
        status: 400,
        errors: [/^body\/data must have required property 'type'$/],
      },
    ],
    [
      'PUT: attributes missing',
      {
        body: { data: { type: 'environments' } },
        status: 400,
        errors: [/^body\/data must have required property 'attributes'$/],
      },
    ],
    [
      'PUT: data missing',
      {
        body: { attributes: { name: 'x' } },
        status: 400,
        errors: [/^body must have required property 'data'$/, /^body\/attributes must NOT have additional properties$/],
      },
    ],
    [
      'PUT: empty name',
      {
        body: update({ name: '' }),
        status: 400,
        errors: [/^body\/data\/attributes\/name must NOT have fewer than 1 characters$/],
      },
    ],
    [
      'PUT: null name',
      { body: update({ name: null }), status: 400, errors: [/^body\/data\/attributes\/name must be string$/] },
    ],
    [
      'PUT: empty queries',
      {
        body: update({ queries: [] }),
        status: 400,
        errors: [/^body\/data\/attributes\/queries must NOT have fewer than 1 items$/],
      },
    ],
    [
      'PUT: queries not strings',
      { body: update({ queries: [1] }), status: 400, errors: [/^body\/data\/attributes\/queries\/0 must be string$/] },
    ],
    [
      'PUT: is_production not a boolean',
      {
        body: update({ is_production: 'yes' }),
        status: 400,
        errors: [/^body\/data\/attributes\/is_production must be boolean$/],
      },
    ],
    [
      'PUT: unknown attribute',
      {
        body: update({ colour: 'red' }),
        status: 400,
        errors: [/^body\/data\/attributes\/colour must NOT have additional properties$/],
      },
    ],
    [
      'PUT: description is not updatable',
      {
        body: update({ description: 'x' }),
        status: 400,
        errors: [/^body\/data\/attributes\/description must NOT have additional properties$/],
      },
    ],
    [
      'PUT: key is not updatable',
      {
        body: update({ key: 'prod' }),
        status: 400,
        errors: [/^body\/data\/attributes\/key must NOT have additional properties$/],
      },
    ],
    [
      'PUT: created_at is not updatable',
      {
        body: update({ created_at: '2020-01-01T00:00:00Z' }),
        status: 400,
        errors: [/^body\/data\/attributes\/created_at must NOT have additional properties$/],
      },
    ],
    [
      'PUT: an id in the document',
      {
        body: { data: { id, type: 'environments', attributes: { name: 'x' } } },
        status: 400,
        errors: [/^body\/data\/id must NOT have additional properties$/],
      },
    ],
    [
      'PUT: several findings, one string each',
      {
        body: { data: { type: 'env', attributes: { name: '', queries: [] } } },
        status: 400,
        errors: [
          /attributes\/name must NOT have fewer than 1 characters/,
          /attributes\/queries must NOT have fewer than 1 items/,
          /data\/type must be equal to one of the allowed values/,
        ],
      },
    ],
    ['PUT: body not an object', { body: ['data'], status: 400, errors: [/^body must be object$/] }],
    [
      'PUT: malformed JSON',
      {
        rawBody: '{"data":',
        headers: { ...write, 'content-type': 'application/json' },
        status: 400,
        errors: [/^request body is not valid JSON/],
      },
    ],
    [
      'PUT: body nested too deep',
      {
        body: update({ queries: [JSON.parse('['.repeat(40) + ']'.repeat(40))] }),
        status: 400,
        errors: [/nests \d+ levels deep/],
      },
    ],
    [
      'PUT: id not a UUID',
      {
        path: '/api/v2/feature-flags/environments/staging',
        body: valid,
        status: 400,
        errors: [/^environment_id must be a UUID$/],
      },
    ],
    ['PUT: no keys', { headers: {}, body: valid, status: 403, errors: [/^'DD-API-KEY' header required/] }],
    ['PUT: unknown key pair', { headers: keys('nope'), body: valid, status: 403, errors: [authHint] }],
    [
      'PUT: read-only application key',
      {
        headers: read,
        body: valid,
        status: 403,
        errors: [/^Forbidden: the application key is missing the feature_flag_environment_config_write permission$/],
      },
    ],
    [
      'PUT: unknown environment',
      {
        path: unknownPath,
        body: valid,
        status: 404,
        errors: [/^Environment 550e8400-e29b-41d4-a716-446655449999 not found$/],
      },
    ],
    [
      'PUT: body over the limit',
      { body: update({ name: 'x'.repeat(200_000) }), status: 413, errors: [/exceeds the 102400-byte limit/] },
    ],
    [
      'PUT: wrong content type',
      {
        rawBody: 'name=x',
        headers: { ...write, 'content-type': 'text/plain' },
        status: 415,
        errors: [/^Unsupported Media Type: send the body as application\/json \(got text\/plain\)$/],
      },
    ],
    [
      'PUT: no body and no content type',
      {
        headers: write,
        status: 415,
        errors: [/^Unsupported Media Type: send the body as application\/json \(the request has no Content-Type\)$/],
      },
    ],
    // Outside the spec, still in the envelope.
    ['undocumented method', { method: 'DELETE', status: 405, errors: [/allowed methods: PUT, GET/] }],
    [
      'unknown route',
      {
        method: 'GET',
        path: '/api/v2/feature-flags/nope',
        status: 404,
        errors: [/^no route GET \/api\/v2\/feature-flags\/nope/],
      },
    ],
  ];
  it.each(cases)('%s', async (_name, c) => {
    const before = await current();
    const reply = await server.request<DatadogAPIErrorResponse>(c.method ?? 'PUT', c.path ?? path, {
      headers: c.headers ?? write,
      body: c.body,
      ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status).toBe(c.status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(reply.body)).toEqual(['errors']);
    expect(reply.body.errors).toEqual(c.errors.map((pattern) => expect.stringMatching(pattern)));
    // Datadog keeps the request id out of the body; the header carries it.
    expect(reply.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(reply.text).not.toContain(reply.headers.get('x-request-id'));
    expect(reply.text).not.toMatch(/node_modules|\n\s+at |dd_demo_app_key/);
    expect(await current()).toEqual(before);
  });

  it('echoes a well-formed incoming X-Request-Id on errors too', async () => {
    const reply = await server.request('GET', unknownPath, { headers: { ...read, 'x-request-id': 'trace-42' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('x-request-id')).toBe('trace-42');
  });
});

describe('datadog rate limiting', () => {
  // The limiter's counts live in the app: a server of its own.
  beforeEach(() => restart());
  const headersOf = (reply: { headers: Headers }) =>
    Object.fromEntries(rateLimitHeaderNames.map((name) => [name, reply.headers.get(name)]));
  const expected = (limit: number, remaining: number, reset: number) => ({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-period': '60',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-name': 'feature_flags_environments',
  });

  it.each([
    ['GET', undefined],
    ['PUT', update({ name: 'limited' })],
  ])(
    '%s answers 429 in the envelope, with the headers, once the key exceeds its limit, and changes nothing',
    async (method, body) => {
      const before = await current();
      const first = await server.request('GET', path, { headers: throttled });
      now = new Date(fixedNow.getTime() + 15_000);
      const second = await server.request('GET', path, { headers: throttled });
      const limited = await server.request(method, path, { headers: throttled, body });
      expect([first.status, second.status, limited.status]).toEqual([200, 200, 429]);
      expect(headersOf(first)).toEqual(expected(2, 1, 60));
      expect(headersOf(second)).toEqual(expected(2, 0, 45));
      expect(headersOf(limited)).toEqual(expected(2, 0, 45));
      expect(limited.body).toEqual({ errors: [expect.stringMatching(/^rate limit of 2 requests per 60 s exceeded/)] });
      expect(await current()).toEqual(before);
    },
  );

  it('a new period starts with a full allowance', async () => {
    for (let i = 0; i < 3; i += 1) await server.request('GET', path, { headers: throttled });
    now = new Date(fixedNow.getTime() + 60_000);
    const reply = await server.request('GET', path, { headers: throttled });
    expect(reply.status).toBe(200);
    expect(headersOf(reply)).toEqual(expected(2, 1, 60));
  });

  it.each([
    ['GET', undefined],
    ['PUT', update({ name: 'counted' })],
  ])('a configured limit puts the headers on every 200 (%s)', async (method, body) => {
    await restart({ rateLimit: { limit: 1000, windowMs: 60_000 } });
    const reply = await server.request(method, path, { headers: write, body });
    expect(reply.status).toBe(200);
    expect(headersOf(reply)).toEqual(expected(1000, 999, 60));
  });

  it.each([
    ['GET', undefined],
    ['PUT', update({ name: 'uncounted' })],
  ])('without a configured limit no rate-limit header is sent (%s)', async (method, body) => {
    const reply = await server.request(method, path, { headers: write, body });
    expect(reply.status).toBe(200);
    for (const name of rateLimitHeaderNames) expect(reply.headers.get(name)).toBeNull();
  });

  it('the read-only key is counted too: its 403 carries the headers', async () => {
    await restart({ rateLimit: { limit: 10, windowMs: 60_000 } });
    const reply = await server.request('PUT', path, { headers: read, body: update({ name: 'x' }) });
    expect(reply.status).toBe(403);
    expect(headersOf(reply)).toEqual(expected(10, 9, 60));
  });
});

describe('datadog concurrency', () => {
  const stores: Array<[string, () => Promise<AppOptions>]> = [
    ['memory store', async () => ({})],
    ['file store', async () => ({ store: (await createSeededStore(datadogCore, dataDir)) as never })],
  ];
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'envspec-datadog-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  // A clock that advances one second per reading gives every write its own `updated_at`, so the
  // replies can be put in write order: the stored state must be the latest reply, whole.
  async function startTicking(options: AppOptions): Promise<void> {
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      return new Date(fixedNow.getTime() + 1000 * ticks);
    };
    await restart({ ...options, clock: tick });
  }
  const inWriteOrder = (replies: Array<{ body: DatadogEnvironmentResponse }>) =>
    replies
      .map((reply) => reply.body.data)
      .sort((a, b) => a.attributes.updated_at!.localeCompare(b.attributes.updated_at!));

  it.each(stores)('50 concurrent renames all answer 200 and the last one wins whole (%s)', async (_name, options) => {
    await startTicking(await options());
    const before = (await current()).data;
    const names = Array.from({ length: 50 }, (_, i) => `name-${i}`);
    const replies = await Promise.all(
      names.map((name) =>
        server.request<DatadogEnvironmentResponse>('PUT', path, { headers: write, body: update({ name }) }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(names.map(() => 200));
    const ordered = inWriteOrder(replies);
    expect(new Set(ordered.map((data) => data.attributes.updated_at)).size).toBe(50);
    const after = (await current()).data;
    expect(after).toEqual(ordered.at(-1));
    expect(names).toContain(after.attributes.name);
    expect(after).toEqual({
      ...before,
      attributes: { ...before.attributes, name: after.attributes.name, updated_at: after.attributes.updated_at },
    });
  });

  it.each(stores)('50 concurrent updates of distinct attributes all land (%s)', async (_name, options) => {
    await startTicking(await options());
    // One request each sets is_production, require_feature_flag_approval (both seeded false) and
    // queries; 47 rename. Any update lost to a concurrent one would leave its attribute unchanged.
    const bodies = [
      update({ is_production: true }),
      update({ require_feature_flag_approval: true }),
      update({ queries: ['concurrent-scope'] }),
      ...Array.from({ length: 47 }, (_, i) => update({ name: `name-${i}` })),
    ];
    const replies = await Promise.all(
      bodies.map((body) => server.request<DatadogEnvironmentResponse>('PUT', path, { headers: write, body })),
    );
    expect(replies.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const after = (await current()).data;
    expect(after.attributes).toMatchObject({
      is_production: true,
      require_feature_flag_approval: true,
      queries: ['concurrent-scope'],
      key: 'staging',
      created_at: seeded.data.attributes.created_at,
    });
    expect(bodies.map((b) => b.data.attributes.name)).toContain(after.attributes.name);
    // Each reply shows its own write on top of every earlier one: once set, a flag stays set.
    const ordered = inWriteOrder(replies);
    expect(after).toEqual(ordered.at(-1));
    const firstTrue = ordered.findIndex((data) => data.attributes.is_production);
    expect(ordered.slice(firstTrue).every((data) => data.attributes.is_production)).toBe(true);
  });
});
