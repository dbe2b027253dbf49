import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QoderCloudConfig, QoderEnvironment, QoderError } from '@envspec/types/qoder';
import { sharedHarness, startHarness, type Harness } from '../support/harness.ts';

const id = 'env_019e3bb39b6774d8878cd0b9d237574b';
const path = `/api/v1/cloud/environments/${id}`;
const write = { authorization: 'Bearer qoder_pat_demo_write' };
const read = { authorization: 'Bearer qoder_pat_demo_read' };
const fixedNow = new Date('2026-11-23T10:00:00.000Z');
/** The seed documents PUT, Qoder's SDKs send POST: every case runs with both. */
const updateMethods = ['PUT', 'POST'] as const;
const cloudConfig = (environment: QoderEnvironment) => environment.config as QoderCloudConfig;

let server: Harness;
const shared = sharedHarness('qoder', { clock: () => fixedNow });
beforeEach(async () => {
  server = await shared.fresh();
});
afterEach(async () => server.close());

describe.each(updateMethods)('qoder merge update with %s', (method) => {
  const cases: Array<[string, { body: unknown; want: (before: QoderEnvironment, after: QoderEnvironment) => void }]> = [
    [
      'omitted fields stay unchanged',
      {
        body: { description: 'new' },
        want: (b, a) => expect(a).toEqual({ ...b, description: 'new', updated_at: fixedNow.toISOString() }),
      },
    ],
    [
      'nested objects merge',
      {
        body: { config: { type: 'cloud', networking: { allow_package_managers: true } } },
        want: (b, a) =>
          expect(a.config).toEqual({
            ...b.config,
            networking: { ...cloudConfig(b).networking, allow_package_managers: true },
          }),
      },
    ],
    [
      'arrays replace',
      {
        body: { config: { type: 'cloud', packages: { apt: ['git'] } } },
        want: (_b, a) => expect(cloudConfig(a).packages.apt).toEqual(['git']),
      },
    ],
    [
      'metadata keys merge',
      {
        body: { metadata: { region: 'eu' } },
        want: (b, a) => expect(a.metadata).toEqual({ ...b.metadata, region: 'eu' }),
      },
    ],
    [
      'a null metadata value deletes the key',
      {
        body: { metadata: { owner: null } },
        want: (b, a) =>
          expect(Object.keys(a.metadata ?? {})).toEqual(Object.keys(b.metadata ?? {}).filter((k) => k !== 'owner')),
      },
    ],
    [
      'an empty metadata value deletes the key too',
      {
        body: { metadata: { team: '' } },
        want: (b, a) =>
          expect(a.metadata).toEqual(Object.fromEntries(Object.entries(b.metadata).filter(([k]) => k !== 'team'))),
      },
    ],
    [
      'a null description is stored as null',
      {
        body: { description: null },
        want: (b, a) => expect(a).toEqual({ ...b, description: null, updated_at: fixedNow.toISOString() }),
      },
    ],
    [
      'a null name and a null scope leave them unchanged',
      {
        body: { name: null, scope: null, description: 'x' },
        want: (b, a) => expect([a.name, a.scope]).toEqual([b.name, b.scope]),
      },
    ],
    ['a new scope', { body: { scope: 'account' }, want: (_b, a) => expect(a.scope).toBe('account') }],
    [
      'a null setup_script removes it',
      {
        body: { config: { type: 'cloud', setup_script: null } },
        want: (b, a) => expect(a.config).toEqual(b.config),
      },
    ],
    [
      'a config of the other type replaces it',
      { body: { config: { type: 'self_hosted' } }, want: (_b, a) => expect(a.config).toEqual({ type: 'self_hosted' }) },
    ],
    [
      'what the SDKs send for a limited network, a setup script and every package manager',
      {
        body: {
          config: {
            type: 'cloud',
            setup_script: '#!/bin/sh\n',
            networking: { type: 'limited', allowed_hosts: ['api.github.com'], allow_mcp_servers: true },
            packages: { type: 'packages', cargo: ['ripgrep'], gem: ['bundler'], go: ['gopls'] },
          },
        },
        want: (b, a) =>
          expect(a.config).toEqual({
            type: 'cloud',
            setup_script: '#!/bin/sh\n',
            networking: { type: 'limited', allowed_hosts: ['api.github.com'], allow_mcp_servers: true },
            packages: {
              ...cloudConfig(b).packages,
              type: 'packages',
              cargo: ['ripgrep'],
              gem: ['bundler'],
              go: ['gopls'],
            },
          }),
      },
    ],
    [
      'description, metadata and archived_at are always answered',
      {
        body: { name: 'renamed' },
        want: (_b, a) =>
          expect(Object.keys(a)).toEqual(expect.arrayContaining(['description', 'metadata', 'archived_at'])),
      },
    ],
    [
      'created_at is kept, updated_at refreshed',
      {
        body: { name: 'renamed' },
        want: (b, a) => expect([a.created_at, a.updated_at]).toEqual([b.created_at, fixedNow.toISOString()]),
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { body, want }) => {
    const before = (await server.request<QoderEnvironment>('GET', path, { headers: read })).body;
    const reply = await server.request<QoderEnvironment>(method, path, { headers: write, body });
    expect(reply.status).toBe(200);
    want(before, reply.body);
    expect((await server.request('GET', path, { headers: read })).body).toEqual(reply.body);
  });
});

describe.each(updateMethods)('qoder errors of %s answer in the Qoder envelope and change nothing', (method) => {
  const cases: Array<
    [
      string,
      {
        method?: string;
        path?: string;
        headers?: Record<string, string>;
        body?: unknown;
        rawBody?: string;
        status: number;
        type: string;
        message: RegExp;
      },
    ]
  > = [
    [
      'config without type',
      {
        body: { config: { networking: { type: 'limited' } } },
        status: 400,
        type: 'invalid_request_error',
        message: /body\/config must have required property 'type'/,
      },
    ],
    [
      'config.type other than cloud',
      {
        body: { config: { type: 'local' } },
        status: 400,
        type: 'invalid_request_error',
        message: /body\/config\/type must be equal to one of the allowed values/,
      },
    ],
    [
      'unknown field',
      { body: { colour: 'red' }, status: 400, type: 'invalid_request_error', message: /additional properties/ },
    ],
    [
      'malformed JSON',
      {
        rawBody: '{"name":',
        headers: { ...write, 'content-type': 'application/json' },
        status: 400,
        type: 'invalid_request_error',
        message: /not valid JSON/,
      },
    ],
    [
      'wrong content type',
      {
        rawBody: 'name=x',
        headers: { ...write, 'content-type': 'text/plain' },
        status: 415,
        type: 'invalid_request_error',
        message: /unsupported media type/,
      },
    ],
    [
      'missing token',
      {
        headers: {},
        body: { name: 'x' },
        status: 401,
        type: 'authentication_error',
        message: /^Authorization header required: send a valid personal access token/,
      },
    ],
    [
      'unknown token',
      {
        headers: { authorization: 'Bearer nope' },
        body: { name: 'x' },
        status: 401,
        type: 'authentication_error',
        message: /^the credential is unknown or malformed: send a valid/,
      },
    ],
    [
      'read-only token',
      { headers: read, body: { name: 'x' }, status: 403, type: 'permission_error', message: /read-only/ },
    ],
    [
      'unknown environment',
      {
        path: '/api/v1/cloud/environments/env_0000000000000000000000000000dead',
        body: { name: 'x' },
        status: 404,
        type: 'not_found_error',
        message: /does not exist/,
      },
    ],
    [
      'malformed id',
      {
        method: 'GET',
        path: '/api/v1/cloud/environments/..%2Fetc',
        status: 400,
        type: 'invalid_request_error',
        message: /environment_id must match pattern/,
      },
    ],
    [
      'body over the limit',
      { body: { name: 'x'.repeat(200_000) }, status: 413, type: 'request_too_large', message: /limit/ },
    ],
    [
      'undocumented method',
      { method: 'DELETE', status: 405, type: 'invalid_request_error', message: /allowed methods: POST, PUT, GET$/ },
    ],
    [
      'unknown route',
      {
        method: 'GET',
        path: '/api/v1/cloud/nope',
        status: 404,
        type: 'not_found_error',
        message: /^no route GET \/api\/v1\/cloud\/nope: see the API reference/,
      },
    ],
  ];
  it.each(cases)('%s', async (_name, c) => {
    const before = (await server.request('GET', path, { headers: read })).body;
    const reply = await server.request(c.method ?? method, c.path ?? path, {
      headers: c.headers ?? write,
      body: c.body,
      ...(c.rawBody ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status).toBe(c.status);
    expect(reply.body).toEqual({
      type: 'error',
      error: expect.objectContaining({ type: c.type, message: expect.stringMatching(c.message) }),
      request_id: reply.headers.get('x-request-id'),
    });
    expect(reply.text).not.toMatch(/node_modules|\n\s+at /);
    expect((await server.request('GET', path, { headers: read })).body).toEqual(before);
  });
});

describe('qoder rate limiting', () => {
  // The limiter's counts live in the app: a server of its own (the file's afterEach closes it).
  beforeEach(async () => {
    server = await startHarness('qoder', { clock: () => fixedNow });
  });
  it('answers 429 with Retry-After once the credential exceeds its limit', async () => {
    const throttled = { authorization: 'Bearer qoder_pat_demo_throttled' };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await server.request('GET', path, { headers: throttled })).status);
    const limited = await server.request<QoderError>('GET', path, { headers: throttled });
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.body.error.type).toBe('rate_limit_error');
  });
});

describe.each(updateMethods)('qoder concurrency with %s', (method) => {
  it('50 concurrent metadata merges lose no update', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`);
    const replies = await Promise.all(
      keys.map((key) => server.request(method, path, { headers: write, body: { metadata: { [key]: 'v' } } })),
    );
    expect(replies.map((r) => r.status)).toEqual(keys.map(() => 200));
    const after = (await server.request<QoderEnvironment>('GET', path, { headers: read })).body;
    expect(Object.keys(after.metadata ?? {})).toEqual(expect.arrayContaining(keys));
  });
});
