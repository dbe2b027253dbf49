import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentExample, listOperations, loadBundle, responseExample } from '@envspec/specs';
import type { FabroEnvironment, FabroError, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { fabroCore, fabroEnvironment, revisionOf } from '@envspec/vendors';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startHarness, type Harness, type Reply } from '../support/harness.ts';

const document = loadBundle('fabro');
const id = 'ci-runner';
const path = `/api/v1/environments/${id}`;
const write = { authorization: 'Bearer fabro_dev_demo_write' };
const throttled = { authorization: 'Bearer fabro_dev_demo_throttled' };
const seededRevision = '3c50ba13e602c808f78602609015cb63ef9fb6bbe3bf793e454004810dec34eb';
const otherRevision = 'b59d108022840519e714a78432489a99ca9e531f79dfe2744e6dfb84283eb40b';

const dockerRequest = componentExample<FabroReplaceEnvironmentRequest>(document, 'ReplaceWithDockerImageRequest');
const dockerfileRequest = componentExample<FabroReplaceEnvironmentRequest>(
  document,
  'ReplaceWithInlineDockerfileRequest',
);
const minimalRequest: FabroReplaceEnvironmentRequest = {
  provider: 'daytona',
  image: { docker: 'alpine:3' },
  resources: {},
  network: {},
  lifecycle: {},
  labels: {},
  volumes: [],
  env: {},
};

let server: Harness;
beforeEach(async () => {
  server = await startHarness('fabro');
});
afterEach(async () => server.close());

async function current(): Promise<Reply<FabroEnvironment>> {
  return server.request('GET', path, { headers: write });
}

describe('fabro get', () => {
  it('returns the seeded environment and its revision as a quoted ETag', async () => {
    const reply = await current();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(responseExample(document, 'getEnvironment', '200'));
    expect(reply.headers.get('etag')).toBe(`"${seededRevision}"`);
  });
});

describe('fabro full replace', () => {
  const cases: Array<[string, { ifMatch: string; body: FabroReplaceEnvironmentRequest }]> = [
    ['quoted If-Match, docker image (the spec example)', { ifMatch: `"${seededRevision}"`, body: dockerRequest }],
    ['bare If-Match', { ifMatch: seededRevision, body: dockerRequest }],
    ['inline Dockerfile image', { ifMatch: `"${seededRevision}"`, body: dockerfileRequest }],
    ['nothing of the previous definition is kept', { ifMatch: `"${seededRevision}"`, body: minimalRequest }],
  ];
  it.each(cases)('%s', async (_name, { ifMatch, body }) => {
    const reply = await server.request('PUT', path, { headers: { ...write, 'if-match': ifMatch }, body });
    expect(reply.status).toBe(200);
    const revision = revisionOf({ id, ...body });
    // Exactly the body under the path id: no previous field survives, the id comes from the path.
    expect(reply.body).toEqual({ id, revision, ...body });
    expect(reply.headers.get('etag')).toBe(`"${revision}"`);
    const after = await current();
    expect(after.body).toEqual(reply.body);
    expect(after.headers.get('etag')).toBe(`"${revision}"`);
  });

  it('answers the spec example for the spec example request', async () => {
    const reply = await server.request('PUT', path, {
      headers: { ...write, 'if-match': `"${seededRevision}"` },
      body: dockerRequest,
    });
    expect(reply.body).toEqual(responseExample(document, 'replaceEnvironment', '200'));
  });

  it('replacing with the same definition keeps the revision (it is a content hash)', async () => {
    const { id: _id, revision: _revision, ...definition } = (await current()).body;
    const reply = await server.request('PUT', path, {
      headers: { ...write, 'if-match': seededRevision },
      body: definition,
    });
    expect([reply.status, reply.headers.get('etag')]).toEqual([200, `"${seededRevision}"`]);
  });

  it('follows the ETag chain: GET etag → PUT → new etag → PUT with the old one is 409', async () => {
    const first = await current();
    const oldEtag = first.headers.get('etag')!;
    const replaced = await server.request<FabroEnvironment>('PUT', path, {
      headers: { ...write, 'if-match': oldEtag },
      body: dockerRequest,
    });
    const newEtag = replaced.headers.get('etag')!;
    expect(replaced.status).toBe(200);
    expect(newEtag).not.toBe(oldEtag);
    expect(newEtag).toBe(`"${replaced.body.revision}"`);

    const stale = await server.request<FabroError>('PUT', path, {
      headers: { ...write, 'if-match': oldEtag },
      body: dockerfileRequest,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toEqual({
      status: '409',
      title: 'Conflict',
      code: 'revision_mismatch',
      detail: `If-Match revision "${seededRevision}" is stale; the current revision is "${replaced.body.revision}". GET the environment, re-apply your change, and send its ETag.`,
    });
    expect((await current()).body).toEqual(replaced.body);

    const next = await server.request<FabroEnvironment>('PUT', path, {
      headers: { ...write, 'if-match': newEtag },
      body: dockerfileRequest,
    });
    expect(next.status).toBe(200);
    expect(next.body.image).toEqual(dockerfileRequest.image);
  });
});

interface ErrorCase {
  operation: 'getEnvironment' | 'replaceEnvironment';
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  status: number;
  code: string;
  detail: RegExp | string;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
};

const withIfMatch = { ...write, 'if-match': `"${seededRevision}"` };
const put = (c: Omit<ErrorCase, 'operation'>): ErrorCase => ({
  operation: 'replaceEnvironment',
  headers: withIfMatch,
  body: dockerRequest,
  ...c,
});
const get = (c: Omit<ErrorCase, 'operation'>): ErrorCase => ({
  operation: 'getEnvironment',
  method: 'GET',
  headers: write,
  ...c,
});
const malformedIfMatch = (ifMatch: string) =>
  put({
    headers: { ...write, 'if-match': ifMatch },
    status: 400,
    code: 'invalid_request',
    detail:
      /^If-Match must be the environment's ETag from a GET.*Validator findings: headers\/if-match must match pattern/,
  });
const oneOf =
  /^body\/image must set exactly one of 'docker' \(a prebuilt image reference\) or 'dockerfile' .*Validator findings: .*body\/image must match exactly one schema in oneOf$/;

const errorCases: Array<[string, ErrorCase]> = [
  [
    'GET malformed id',
    get({
      path: '/api/v1/environments/CI_Runner',
      status: 400,
      code: 'invalid_request',
      detail: 'params/id must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"',
    }),
  ],
  [
    'GET missing token',
    get({
      headers: {},
      status: 401,
      code: 'unauthorized',
      detail: "Authorization header required: send a dev token as 'Authorization: Bearer fabro_dev_...'",
    }),
  ],
  [
    'GET unknown token',
    get({
      headers: { authorization: 'Bearer fabro_dev_nope' },
      status: 401,
      code: 'unauthorized',
      detail: /^the credential is unknown or malformed: send a dev token/,
    }),
  ],
  [
    'GET unknown environment',
    get({
      path: '/api/v1/environments/gpu-runner',
      status: 404,
      code: 'not_found',
      detail: "Environment 'gpu-runner' does not exist.",
    }),
  ],
  [
    'PUT provider not in the enum',
    put({
      body: { ...dockerRequest, provider: 'podman' },
      status: 400,
      code: 'invalid_request',
      detail: 'body/provider must be equal to one of the allowed values: local, docker, daytona',
    }),
  ],
  [
    'PUT a field missing (full replace)',
    put({
      body: { ...dockerRequest, env: undefined },
      status: 400,
      code: 'invalid_request',
      detail: "body must have required property 'env'",
    }),
  ],
  [
    'PUT id in the body',
    put({
      body: { id, ...dockerRequest },
      status: 400,
      code: 'invalid_request',
      detail:
        /^body\/id is not accepted: the path id is authoritative.*Validator findings: body\/id must NOT have additional properties$/,
    }),
  ],
  [
    'PUT unknown field',
    put({
      body: { ...dockerRequest, region: 'eu' },
      status: 400,
      code: 'invalid_request',
      detail: 'body/region must NOT have additional properties',
    }),
  ],
  [
    'PUT image with neither docker nor dockerfile',
    put({ body: { ...dockerRequest, image: {} }, status: 400, code: 'invalid_request', detail: oneOf }),
  ],
  [
    'PUT image with both docker and dockerfile',
    put({
      body: { ...dockerRequest, image: { ...dockerRequest.image, ...dockerfileRequest.image } },
      status: 400,
      code: 'invalid_request',
      detail: oneOf,
    }),
  ],
  [
    'PUT local Dockerfile path',
    put({
      body: { ...dockerRequest, image: { dockerfile: { type: 'path', value: './Dockerfile' } } },
      status: 400,
      code: 'invalid_request',
      detail: /exactly one of.*body\/image\/dockerfile\/type must be equal to one of the allowed values: inline/,
    }),
  ],
  [
    'PUT Dockerfile as a bare path string',
    put({
      body: { ...dockerRequest, image: { dockerfile: './Dockerfile' } },
      status: 400,
      code: 'invalid_request',
      detail: /exactly one of.*body\/image\/dockerfile must be object/,
    }),
  ],
  ['PUT weak ETag as If-Match', malformedIfMatch(`W/"${seededRevision}"`)],
  ['PUT upper-case If-Match', malformedIfMatch(seededRevision.toUpperCase())],
  ['PUT short If-Match', malformedIfMatch('"3c50ba13"')],
  ['PUT wildcard If-Match', malformedIfMatch('*')],
  ['PUT half-quoted If-Match', malformedIfMatch(`"${seededRevision}`)],
  [
    'PUT malformed JSON',
    put({
      rawBody: '{"provider":',
      headers: { ...withIfMatch, 'content-type': 'application/json' },
      status: 400,
      code: 'malformed_json',
      detail: /^request body is not valid JSON/,
    }),
  ],
  [
    'PUT malformed id',
    put({
      path: '/api/v1/environments/..%2Fetc',
      status: 400,
      code: 'invalid_request',
      detail: /params\/id must match pattern/,
    }),
  ],
  [
    'PUT missing token',
    put({
      headers: { 'if-match': seededRevision },
      status: 401,
      code: 'unauthorized',
      detail: /^Authorization header required: send a dev token/,
    }),
  ],
  [
    'PUT token in another scheme',
    put({
      headers: { authorization: 'Basic fabro_dev_demo_write', 'if-match': seededRevision },
      status: 401,
      code: 'unauthorized',
      detail: /send a dev token as 'Authorization: Bearer fabro_dev_\.\.\.'$/,
    }),
  ],
  [
    'PUT unknown environment',
    put({
      path: '/api/v1/environments/gpu-runner',
      status: 404,
      code: 'not_found',
      detail: "Environment 'gpu-runner' does not exist.",
    }),
  ],
  [
    'PUT stale If-Match',
    put({
      headers: { ...write, 'if-match': `"${otherRevision}"` },
      status: 409,
      code: 'revision_mismatch',
      detail: `If-Match revision "${otherRevision}" is stale; the current revision is "${seededRevision}". GET the environment, re-apply your change, and send its ETag.`,
    }),
  ],
  [
    'PUT body over the limit',
    put({
      body: { ...dockerRequest, env: { BIG: 'x'.repeat(200_000) } },
      status: 413,
      code: 'payload_too_large',
      detail: /exceeds the 102400-byte limit/,
    }),
  ],
  [
    'PUT text/plain body',
    put({
      rawBody: 'provider=docker',
      headers: { ...withIfMatch, 'content-type': 'text/plain' },
      status: 415,
      code: 'unsupported_media_type',
      detail: "Content-Type 'text/plain' is not supported: send the body as 'application/json'.",
    }),
  ],
  [
    'PUT without a body',
    put({ body: undefined, status: 415, code: 'unsupported_media_type', detail: /no body or no Content-Type/ }),
  ],
  [
    'PUT missing If-Match',
    put({
      headers: write,
      status: 428,
      code: 'precondition_required',
      detail: 'If-Match is required: GET the environment and send its ETag as If-Match.',
    }),
  ],
  [
    'PUT missing If-Match and an invalid body',
    put({
      headers: write,
      body: { ...dockerRequest, provider: 'podman' },
      status: 428,
      code: 'precondition_required',
      detail: /^If-Match is required: .* other problems too: body\/provider must be equal to one of the allowed values/,
    }),
  ],
  [
    'undocumented method',
    put({
      method: 'DELETE',
      body: undefined,
      status: 405,
      code: 'method_not_allowed',
      detail: /allowed methods: PUT, GET/,
    }),
  ],
];

describe('fabro errors answer in the Fabro envelope and change nothing', () => {
  it.each(errorCases)('%s', async (_name, c) => {
    const before = await current();
    const reply = await server.request(c.method ?? 'PUT', c.path ?? path, {
      headers: c.headers ?? write,
      body: c.body,
      ...(c.rawBody ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status).toBe(c.status);
    expect(reply.headers.get('x-request-id')).toBeTruthy();
    expect(reply.body).toEqual({
      errors: [
        {
          status: String(c.status),
          title: titles[c.status],
          code: c.code,
          detail: typeof c.detail === 'string' ? c.detail : expect.stringMatching(c.detail),
        },
      ],
      request_id: reply.headers.get('x-request-id'),
    });
    expect(reply.headers.get('etag')).toBeNull();
    expect(reply.text).not.toMatch(/node_modules|\n\s+at /);
    const after = await current();
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });
});

describe('fabro rate limiting', () => {
  const cases: Array<[string, (attempt: string) => Promise<Reply>]> = [
    ['GET', () => server.request('GET', path, { headers: throttled })],
    // Each PUT sends the current ETag (read with another token), so only the limit can refuse it.
    [
      'PUT',
      async (attempt) =>
        server.request('PUT', path, {
          headers: { ...throttled, 'if-match': (await current()).headers.get('etag')! },
          body: { ...minimalRequest, labels: { attempt } },
        }),
    ],
  ];
  it.each(cases)('%s answers 429 with Retry-After once the credential exceeds its limit', async (_name, send) => {
    const statuses = [(await send('1')).status, (await send('2')).status];
    const before = await current();
    const limited = await send('3');
    expect(statuses).toEqual([200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.body).toEqual({
      errors: [
        {
          status: '429',
          title: 'Too Many Requests',
          code: 'rate_limited',
          detail: expect.stringMatching(/rate limit of 2 requests per 60 s exceeded.*retry in 60 s/),
        },
      ],
      request_id: limited.headers.get('x-request-id'),
    });
    expect((await current()).body).toEqual(before.body);
  });
});

describe('fabro concurrency', () => {
  it('50 concurrent PUTs with the same If-Match: exactly one 200, the rest 409', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => ({ ...minimalRequest, labels: { writer: String(i) } }));
    const replies = await Promise.all(
      bodies.map((body) =>
        server.request<FabroError>('PUT', path, { headers: { ...write, 'if-match': `"${seededRevision}"` }, body }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(49);
    for (const loser of replies.filter((r) => r.status === 409))
      expect(loser.body.errors[0]?.code).toBe('revision_mismatch');
    const after = await current();
    expect(after.body).toEqual(winners[0]!.body);
    expect(after.headers.get('etag')).toBe(winners[0]!.headers.get('etag'));
  });

  /** A store where another writer slips in between the handler's read and its compare-and-set. */
  function interleavedStore(competing: FabroEnvironment): Store<FabroEnvironment> {
    const inner = new MemoryStore(fabroCore.fixtures(document));
    let interfered = false;
    return {
      get: (key) => inner.get(key),
      close: () => inner.close(),
      async compareAndSet(key, expectedVersion, value) {
        if (!interfered) {
          interfered = true;
          await inner.compareAndSet(key, expectedVersion, competing);
        }
        return inner.compareAndSet(key, expectedVersion, value);
      },
    };
  }

  const cases: Array<[string, { competing: FabroEnvironment; status: number }]> = [
    [
      'a lost compare-and-set to a different definition is a 409',
      { competing: fabroEnvironment(id, dockerfileRequest), status: 409 },
    ],
    [
      'a lost compare-and-set to the same definition retries and wins',
      { competing: fabroCore.fixtures(document)[0]![1], status: 200 },
    ],
  ];
  it.each(cases)('%s', async (_name, { competing, status }) => {
    const raced = await startHarness('fabro', { store: interleavedStore(competing) });
    try {
      const reply = await raced.request('PUT', path, {
        headers: { ...write, 'if-match': seededRevision },
        body: dockerRequest,
      });
      expect(reply.status).toBe(status);
      const after = (await raced.request('GET', path, { headers: write })).body;
      expect(after).toEqual(status === 200 ? reply.body : competing);
    } finally {
      await raced.close();
    }
  });
});

describe('fabro coverage of the spec', () => {
  it('every documented status of both operations is exercised above', () => {
    const exercised = new Set([
      'getEnvironment 200',
      'replaceEnvironment 200', // fabro get, fabro full replace
      'getEnvironment 429',
      'replaceEnvironment 429', // fabro rate limiting
      ...errorCases.map(([, c]) => `${c.operation} ${c.status}`),
    ]);
    const documented = listOperations(document).flatMap(({ operation }) =>
      Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`),
    );
    expect(documented.filter((entry) => !exercised.has(entry))).toEqual([]);
  });

  it('has no read-only demo credential: Fabro documents no 403 for a refused write', () => {
    const putResponses = listOperations(document).find(
      ({ operation }) => operation.operationId === 'replaceEnvironment',
    )!.operation.responses;
    expect(Object.keys(putResponses)).not.toContain('403');
    expect(fabroCore.credentials.demo.map((c) => c.access)).not.toContain('read');
  });
});
