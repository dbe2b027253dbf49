import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentExample, listOperations, loadBundle, responseExample } from '@envspec/specs';
import { vendorDefinition, vendorResponseIssues } from '@envspec/specs/vendor-definitions';
import type { FabroEnvironment, FabroError, FabroReplaceEnvironmentRequest } from '@envspec/types/fabro';
import { fabroCore, fabroEnvironment, MemoryStore, revisionOf, type Store } from '@envspec/vendors';
import { sharedHarness, startHarness, type Harness, type Reply } from '../support/harness.ts';

const document = loadBundle('fabro');
const id = 'ci-runner';
const path = `/api/v1/environments/${id}`;
const write = { authorization: 'Bearer fabro_dev_demo_write' };
const seeded = responseExample<FabroEnvironment>(document, 'retrieveEnvironment', '200');
const seededRevision = seeded.revision;
const otherRevision = 'b59d108022840519e714a78432489a99ca9e531f79dfe2744e6dfb84283eb40b';
/** Fabro's request ids: random UUIDs (version 4), lowercase and hyphenated. */
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const example = (name: string) => componentExample<FabroReplaceEnvironmentRequest>(document, name);
const dockerRequest = example('ReplaceWithDockerImageRequest');
const dockerfileRequest = example('ReplaceWithInlineDockerfileRequest');
const defaultsRequest = example('ReplaceWithDefaultsRequest');
/** Fabro's own integration tests' body, byte for byte. */
const integrationTestBody =
  '{"provider":"docker","image":{"docker":"alpine:3.20","dockerfile":null},"resources":{"cpu":null,"memory":null,"disk":null},"network":{"mode":"allow_all","allow":[]},"lifecycle":{"preserve":false,"stop_on_terminal":true,"auto_stop":null},"labels":{},"volumes":[],"env":{}}';
const localRequest: FabroReplaceEnvironmentRequest = {
  ...defaultsRequest,
  provider: 'local',
  image: { docker: null, dockerfile: null },
};

let server: Harness;
const shared = sharedHarness('fabro');
beforeEach(async () => {
  server = await shared.fresh();
});
afterEach(async () => server.close());

async function current(): Promise<Reply<FabroEnvironment>> {
  return server.request('GET', path, { headers: write });
}

/** What Fabro's own definition finds wrong with a reply (nothing, for a faithful one). */
function vendorIssues(operationId: 'retrieveEnvironment' | 'replaceEnvironment', reply: Reply) {
  return vendorResponseIssues('fabro', operationId, reply.status, reply.body);
}

/** Whether Fabro's own definition documents a status (it leaves out 401, 413 and 415, which its server answers). */
function vendorDocuments(operationId: string, status: number): boolean {
  const entry = listOperations(vendorDefinition('fabro')).find(
    ({ operation }) => operation.operationId === operationId,
  );
  return entry !== undefined && String(status) in entry.operation.responses;
}

describe('fabro retrieve', () => {
  it('returns the seeded environment and its revision as a quoted ETag, as Fabro itself would', async () => {
    const reply = await current();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(seeded);
    expect(reply.headers.get('etag')).toBe(`"${seededRevision}"`);
    expect(vendorIssues('retrieveEnvironment', reply)).toEqual([]);
  });

  it('mints a fresh UUID X-Request-Id for every response, ignoring the one sent', async () => {
    const replies = await Promise.all(
      ['client-chosen-id', undefined].map((sent) =>
        server.request('GET', path, { headers: { ...write, ...(sent ? { 'x-request-id': sent } : {}) } }),
      ),
    );
    const ids = replies.map((reply) => reply.headers.get('x-request-id'));
    for (const requestId of ids) expect(requestId).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('fabro full replace', () => {
  const cases: Array<[string, { ifMatch: string; body: FabroReplaceEnvironmentRequest }]> = [
    ['quoted If-Match, docker image (the spec example)', { ifMatch: `"${seededRevision}"`, body: dockerRequest }],
    ['bare If-Match', { ifMatch: seededRevision, body: dockerRequest }],
    ['a Daytona snapshot from an inline Dockerfile', { ifMatch: `"${seededRevision}"`, body: dockerfileRequest }],
    ["every optional setting null, as Fabro's tests send", { ifMatch: seededRevision, body: defaultsRequest }],
    ['nothing of the previous definition is kept', { ifMatch: `"${seededRevision}"`, body: localRequest }],
  ];
  it.each(cases)('%s', async (_name, { ifMatch, body }) => {
    const reply = await server.request('PUT', path, { headers: { ...write, 'if-match': ifMatch }, body });
    expect(reply.status).toBe(200);
    const revision = revisionOf({ id, ...body });
    // Exactly the body under the path id: no previous field survives, the id comes from the path.
    expect(reply.body).toEqual({ id, revision, ...body });
    expect(reply.headers.get('etag')).toBe(`"${revision}"`);
    expect(vendorIssues('replaceEnvironment', reply)).toEqual([]);
    const after = await current();
    expect(after.body).toEqual(reply.body);
    expect(after.headers.get('etag')).toBe(`"${revision}"`);
  });

  it("accepts Fabro's own integration-test body as it is sent, and answers what Fabro's schema allows", async () => {
    const reply = await server.request('PUT', path, {
      headers: { ...write, 'if-match': `"${seededRevision}"`, 'content-type': 'application/json' },
      rawBody: integrationTestBody,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ id, revision: expect.any(String), ...JSON.parse(integrationTestBody) });
    expect(vendorIssues('replaceEnvironment', reply)).toEqual([]);
  });

  it('stores and answers sizes and durations in their canonical form, the revision computed over it', async () => {
    const sent = {
      ...dockerRequest,
      resources: { cpu: 2, memory: '4GiB', disk: ' 20 GB ' },
      lifecycle: { ...dockerRequest.lifecycle, auto_stop: '120m' },
    };
    const canonical = {
      ...sent,
      resources: { cpu: 2, memory: '4294967296B', disk: '20GB' },
      lifecycle: { ...sent.lifecycle, auto_stop: '2h' },
    };
    const reply = await server.request<FabroEnvironment>('PUT', path, {
      headers: { ...write, 'if-match': seededRevision },
      body: sent,
    });
    expect(reply.body).toEqual({ id, revision: revisionOf({ id, ...canonical }), ...canonical });
    // Sending the canonical form back is the same definition: the revision does not move.
    const again = await server.request('PUT', path, {
      headers: { ...write, 'if-match': reply.headers.get('etag')! },
      body: canonical,
    });
    expect([again.status, again.headers.get('etag')]).toEqual([200, reply.headers.get('etag')]);
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
    expect(stale.body.errors[0]?.detail).toMatch(/^environment revision is stale: ci-runner/);
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
  operation: 'retrieveEnvironment' | 'replaceEnvironment';
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  status: number;
  /** Only where Fabro sets one. */
  code?: string;
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
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
};

const withIfMatch = { ...write, 'if-match': `"${seededRevision}"` };
const put = (c: Omit<ErrorCase, 'operation'>): ErrorCase => ({
  operation: 'replaceEnvironment',
  headers: withIfMatch,
  body: dockerRequest,
  ...c,
});
const get = (c: Omit<ErrorCase, 'operation'>): ErrorCase => ({
  operation: 'retrieveEnvironment',
  method: 'GET',
  headers: write,
  ...c,
});
const deserialize = (detail: string) =>
  new RegExp(`^Failed to deserialize the JSON body into the target type: .*${detail}`);
const malformedIfMatch = (ifMatch: string) =>
  put({
    headers: { ...write, 'if-match': ifMatch },
    status: 400,
    detail:
      /^invalid If-Match environment revision: If-Match must be the environment's ETag from a GET.*Validator findings: headers\/if-match must match pattern/,
  });
const settingsInvalid = (detail: string) => `environment settings are invalid: environment.${detail}`;
const dockerfilePath =
  /^Failed to deserialize the JSON body into the target type: body\/image\/dockerfile must be null or an inline Dockerfile .*Dockerfile path sources are not supported by the environments REST API; use inline Dockerfile content\. Validator findings: /;

const errorCases: Array<[string, ErrorCase]> = [
  [
    'GET malformed id',
    get({
      path: '/api/v1/environments/CI_Runner',
      status: 400,
      detail: 'invalid environment id: params/id must match pattern "^[a-z0-9][a-z0-9-]{0,62}$"',
    }),
  ],
  [
    'GET missing token',
    get({
      headers: {},
      status: 401,
      detail:
        "Authentication required. Authorization header required: send a dev token as 'Authorization: Bearer fabro_dev_...'.",
    }),
  ],
  [
    'GET unknown token',
    get({
      headers: { authorization: 'Bearer fabro_dev_nope' },
      status: 401,
      code: 'access_token_invalid',
      detail: /^Authentication required\. The credential is unknown or malformed: send a dev token/,
    }),
  ],
  [
    'GET unknown environment',
    get({ path: '/api/v1/environments/gpu-runner', status: 404, detail: 'environment not found: gpu-runner' }),
  ],
  [
    'PUT provider not in the enum',
    put({
      body: { ...dockerRequest, provider: 'podman' },
      status: 422,
      detail: deserialize('body/provider must be equal to one of the allowed values: local, docker, daytona'),
    }),
  ],
  [
    'PUT a field missing (full replace)',
    put({
      body: { ...dockerRequest, env: undefined },
      status: 422,
      detail: deserialize("body must have required property 'env'"),
    }),
  ],
  [
    'PUT a nullable field left out instead of sent as null',
    put({
      body: { ...dockerRequest, image: { docker: 'alpine:3.20' } },
      status: 422,
      detail: deserialize("body/image must have required property 'dockerfile'"),
    }),
  ],
  [
    'PUT network without its mode',
    put({
      body: { ...dockerRequest, network: { allow: [] } },
      status: 422,
      detail: deserialize("body/network must have required property 'mode'"),
    }),
  ],
  [
    'PUT id in the body',
    put({
      body: { id, ...dockerRequest },
      status: 422,
      detail: deserialize(
        'body/id is not accepted: the path id is authoritative.*Validator findings: body/id must NOT have additional properties',
      ),
    }),
  ],
  [
    'PUT unknown field',
    put({
      body: { ...dockerRequest, region: 'eu' },
      status: 422,
      detail: deserialize('body/region must NOT have additional properties'),
    }),
  ],
  [
    'PUT a local Dockerfile path',
    put({
      body: { ...dockerfileRequest, image: { docker: null, dockerfile: { type: 'path', path: './Dockerfile' } } },
      status: 422,
      detail: dockerfilePath,
    }),
  ],
  [
    'PUT a Dockerfile as a bare path string',
    put({
      body: { ...dockerfileRequest, image: { docker: null, dockerfile: './Dockerfile' } },
      status: 422,
      detail: dockerfilePath,
    }),
  ],
  [
    'PUT a fractional CPU count',
    put({
      body: { ...dockerRequest, resources: { ...dockerRequest.resources, cpu: 1.5 } },
      status: 422,
      detail: deserialize('body/resources/cpu must be integer'),
    }),
  ],
  [
    'PUT a size Fabro cannot parse',
    put({
      body: { ...dockerRequest, resources: { ...dockerRequest.resources, memory: '4Gi' } },
      status: 422,
      detail: deserialize('body/resources/memory must match pattern'),
    }),
  ],
  [
    'PUT a size past 64 bits',
    put({
      body: { ...dockerRequest, resources: { ...dockerRequest.resources, disk: '20000000TiB' } },
      status: 422,
      detail:
        'Failed to deserialize the JSON body into the target type: resources.disk: size "20000000TiB": value overflows u64 bytes',
    }),
  ],
  [
    'PUT a composed duration',
    put({
      body: { ...dockerRequest, lifecycle: { ...dockerRequest.lifecycle, auto_stop: '1h30m' } },
      status: 422,
      detail: deserialize('body/lifecycle/auto_stop must match pattern'),
    }),
  ],
  [
    'PUT docker with a CIDR allow-list',
    put({
      body: { ...dockerRequest, network: { mode: 'cidr_allow_list', allow: ['10.0.0.0/8'] } },
      status: 422,
      detail: settingsInvalid(
        'network.mode: invalid value - docker environments cannot enforce CIDR allow-list networking',
      ),
    }),
  ],
  [
    'PUT local with egress blocked',
    put({
      body: { ...localRequest, network: { mode: 'block', allow: [] } },
      status: 422,
      detail: settingsInvalid(
        'network.mode: invalid value - local environments cannot enforce blocked or CIDR allow-list networking',
      ),
    }),
  ],
  [
    'PUT daytona with a Docker image',
    put({
      body: { ...dockerfileRequest, image: { docker: 'alpine:3.20', dockerfile: null } },
      status: 422,
      detail: settingsInvalid(
        'image: invalid value - daytona environments do not support image.docker; use image.dockerfile for custom snapshots',
      ),
    }),
  ],
  [
    'PUT an allow entry that is not a CIDR',
    put({
      body: { ...dockerfileRequest, network: { mode: 'cidr_allow_list', allow: ['github.com'] } },
      status: 422,
      detail: settingsInvalid('network.allow[0]: invalid value - invalid CIDR: github.com'),
    }),
  ],
  [
    'PUT a domain rule broken for an unknown environment: the 422 comes first',
    put({
      path: '/api/v1/environments/gpu-runner',
      body: { ...dockerRequest, network: { mode: 'cidr_allow_list', allow: [] } },
      status: 422,
      detail: /^environment settings are invalid: /,
    }),
  ],
  [
    'PUT a domain rule broken with a stale If-Match: the 422 comes first',
    put({
      headers: { ...write, 'if-match': otherRevision },
      body: { ...dockerRequest, network: { mode: 'cidr_allow_list', allow: [] } },
      status: 422,
      detail: /^environment settings are invalid: /,
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
      detail: /^request body is not valid JSON/,
    }),
  ],
  [
    'PUT malformed id',
    put({
      path: '/api/v1/environments/..%2Fetc',
      status: 400,
      detail: /^invalid environment id: params\/id must match pattern/,
    }),
  ],
  [
    'PUT malformed id and an invalid body: the body comes first',
    put({
      path: '/api/v1/environments/..%2Fetc',
      body: { ...dockerRequest, provider: 'podman' },
      status: 422,
      detail: deserialize('body/provider must be equal to one of the allowed values'),
    }),
  ],
  [
    'PUT missing token',
    put({
      headers: { 'if-match': seededRevision },
      status: 401,
      detail: /^Authentication required\. Authorization header required: send a dev token/,
    }),
  ],
  [
    'PUT token in another scheme',
    put({
      headers: { authorization: 'Basic fabro_dev_demo_write', 'if-match': seededRevision },
      status: 401,
      detail: /send a dev token as 'Authorization: Bearer fabro_dev_\.\.\.'\.$/,
    }),
  ],
  [
    'PUT unknown environment',
    put({ path: '/api/v1/environments/gpu-runner', status: 404, detail: 'environment not found: gpu-runner' }),
  ],
  [
    'PUT stale If-Match',
    put({
      headers: { ...write, 'if-match': `"${otherRevision}"` },
      status: 409,
      detail:
        'environment revision is stale: ci-runner (GET the environment, re-apply the change and send its new ETag as If-Match)',
    }),
  ],
  [
    'PUT body over the limit',
    put({
      body: { ...dockerRequest, env: { BIG: 'x'.repeat(200_000) } },
      status: 413,
      detail: /exceeds the 102400-byte limit/,
    }),
  ],
  [
    'PUT text/plain body',
    put({
      rawBody: 'provider=docker',
      headers: { ...withIfMatch, 'content-type': 'text/plain' },
      status: 415,
      detail: "Content-Type 'text/plain' is not supported: send the body as 'application/json'.",
    }),
  ],
  ['PUT without a body', put({ body: undefined, status: 415, detail: /no body or no Content-Type/ })],
  [
    'PUT missing If-Match',
    put({
      headers: write,
      status: 428,
      detail: 'If-Match header is required for environment: GET the environment and send its ETag as If-Match',
    }),
  ],
  [
    'PUT missing If-Match and an invalid body: the body comes first',
    put({
      headers: write,
      body: { ...dockerRequest, provider: 'podman' },
      status: 422,
      detail: deserialize('body/provider must be equal to one of the allowed values'),
    }),
  ],
  [
    'PUT missing If-Match and a malformed id: the id comes first',
    put({ headers: write, path: '/api/v1/environments/..%2Fetc', status: 400, detail: /^invalid environment id/ }),
  ],
  ['undocumented method', put({ method: 'DELETE', body: undefined, status: 405, detail: /allowed methods: PUT, GET/ })],
];

describe('fabro errors answer in the Fabro envelope and change nothing', () => {
  it.each(errorCases)('%s', async (_name, c) => {
    const before = await current();
    const reply = await server.request<FabroError>(c.method ?? 'PUT', c.path ?? path, {
      headers: c.headers ?? write,
      body: c.body,
      ...(c.rawBody ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status, reply.text).toBe(c.status);
    const requestId = reply.headers.get('x-request-id');
    expect(requestId).toMatch(uuidV4);
    expect(reply.body).toEqual({
      errors: [
        {
          status: String(c.status),
          title: titles[c.status],
          ...(c.code ? { code: c.code } : {}),
          detail: typeof c.detail === 'string' ? c.detail : expect.stringMatching(c.detail),
          request_id: requestId,
        },
      ],
      request_id: requestId,
    });
    if (vendorDocuments(c.operation, c.status)) expect(vendorIssues(c.operation, reply)).toEqual([]);
    expect(reply.headers.get('etag')).toBeNull();
    expect(reply.text).not.toMatch(/node_modules|\n\s+at /);
    const after = await current();
    expect(after.body).toEqual(before.body);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
  });
});

describe('fabro store failures', () => {
  const healthy = () => new MemoryStore(fabroCore.fixtures(document));
  const fail = () => Promise.reject(new Error('disk on fire at /var/lib/envspec'));
  const cases: Array<
    [string, { operation: 'retrieveEnvironment' | 'replaceEnvironment'; store: Store<FabroEnvironment> }]
  > = [
    [
      'a read that fails',
      { operation: 'retrieveEnvironment', store: { get: fail, compareAndSet: fail, close: async () => {} } },
    ],
    [
      'a write that fails',
      {
        operation: 'replaceEnvironment',
        store: { get: (key) => healthy().get(key), compareAndSet: fail, close: async () => {} },
      },
    ],
  ];
  it.each(cases)('%s answers 500 "environment store operation failed" and nothing more', async (_name, c) => {
    const broken = await startHarness('fabro', { store: c.store });
    try {
      const reply = await broken.request<FabroError>(c.operation === 'retrieveEnvironment' ? 'GET' : 'PUT', path, {
        headers: withIfMatch,
        ...(c.operation === 'replaceEnvironment' ? { body: dockerRequest } : {}),
      });
      expect(reply.status).toBe(500);
      expect(reply.body.errors).toEqual([
        {
          status: '500',
          title: 'Internal Server Error',
          detail: 'environment store operation failed',
          request_id: reply.headers.get('x-request-id'),
        },
      ]);
      expect(vendorIssues(c.operation, reply)).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe('fabro has no rate limiting', () => {
  it('never answers 429 nor sends Retry-After, even with a run-wide limit configured', async () => {
    const limited = await startHarness('fabro', { rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => limited.request('GET', path, { headers: write })),
      );
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
      for (const reply of replies) expect(reply.headers.get('retry-after')).toBeNull();
    } finally {
      await limited.close();
    }
  });
});

describe('fabro concurrency', () => {
  it('50 concurrent PUTs with the same If-Match: exactly one 200, the rest 409', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => ({ ...localRequest, labels: { writer: String(i) } }));
    const replies = await Promise.all(
      bodies.map((body) =>
        server.request<FabroError>('PUT', path, { headers: { ...write, 'if-match': `"${seededRevision}"` }, body }),
      ),
    );
    const winners = replies.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(49);
    for (const loser of replies.filter((r) => r.status === 409))
      expect(loser.body.errors[0]?.detail).toMatch(/^environment revision is stale: ci-runner/);
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
      'retrieveEnvironment 200',
      'replaceEnvironment 200', // fabro retrieve, fabro full replace
      'retrieveEnvironment 500',
      'replaceEnvironment 500', // fabro store failures
      ...errorCases.map(([, c]) => `${c.operation} ${c.status}`),
    ]);
    const documented = listOperations(document).flatMap(({ operation }) =>
      Object.keys(operation.responses).map((status) => `${operation.operationId} ${status}`),
    );
    expect(documented.filter((entry) => !exercised.has(entry))).toEqual([]);
  });

  it('has no read-only and no throttled demo credential: Fabro documents no 403 and no 429', () => {
    const statuses = listOperations(document).flatMap(({ operation }) => Object.keys(operation.responses));
    expect(statuses).not.toContain('403');
    expect(statuses).not.toContain('429');
    expect(fabroCore.credentials.demo.map((c) => [c.access, c.rateLimit])).toEqual([['write', undefined]]);
  });
});
