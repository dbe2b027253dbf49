import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOperations, loadBundle } from '@envspec/specs';
import type { LaunchDarklyEnvironment, LaunchDarklyError } from '@envspec/types/launchdarkly';
import { launchDarklyCore } from '@envspec/vendors';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { sharedHarness, startHarness, type Harness } from '../support/harness.ts';
import { InterleavingStore, ReadBarrier } from './interleaving-store.ts';

const path = '/api/v2/projects/default/environments/production';
const write = { authorization: 'api-0000demo-write' };
const throttled = { authorization: 'api-0000demo-throttled' };
const fixedNow = new Date('2026-11-23T10:00:00.000Z');

let server: Harness;
const shared = sharedHarness('launchdarkly', { clock: () => fixedNow });
beforeEach(async () => {
  server = await shared.fresh();
});
afterEach(async () => server.close());

const current = async () => (await server.request<LaunchDarklyEnvironment>('GET', path, { headers: write })).body;
/** The answer to a patch: the environment, or LaunchDarkly's error envelope. */
type PatchAnswer = Partial<LaunchDarklyEnvironment & LaunchDarklyError>;
const patch = <Body = PatchAnswer>(body: unknown, headers: Record<string, string> = write) =>
  server.request<Body>('PATCH', path, { headers, body });

/** `method status` pairs each describe below exercises, checked against the bundle at the end. */
const covered = new Set<string>();
const covers = (method: string, status: number) => covered.add(`${method.toLowerCase()} ${status}`);

describe('launchdarkly JSON Patch operations', () => {
  covers('PATCH', 200);
  covers('GET', 200);
  const cases: Array<
    [string, { ops: unknown[]; want: (before: LaunchDarklyEnvironment, after: LaunchDarklyEnvironment) => void }]
  > = [
    [
      'add /tags/0 inserts first',
      {
        ops: [{ op: 'add', path: '/tags/0', value: 'critical-path' }],
        want: (b, a) => expect(a.tags).toEqual(['critical-path', ...b.tags]),
      },
    ],
    [
      'add /tags/- appends',
      {
        ops: [{ op: 'add', path: '/tags/-', value: 'last' }],
        want: (b, a) => expect(a.tags).toEqual([...b.tags, 'last']),
      },
    ],
    [
      'remove deletes an array element',
      { ops: [{ op: 'remove', path: '/tags/0' }], want: (_b, a) => expect(a.tags).toEqual([]) },
    ],
    [
      'replace sets a field',
      {
        ops: [{ op: 'replace', path: '/name', value: 'Production (EU)' }],
        want: (b, a) => expect(a).toEqual({ ...b, name: 'Production (EU)' }),
      },
    ],
    [
      'move takes a value from one place to another',
      {
        ops: [
          { op: 'replace', path: '/approvalSettings/required', value: false },
          { op: 'move', from: '/tags/0', path: '/approvalSettings/requiredApprovalTags/0' },
        ],
        want: (b, a) => expect([a.tags, a.approvalSettings?.requiredApprovalTags]).toEqual([[], b.tags]),
      },
    ],
    [
      'copy duplicates a value',
      {
        ops: [{ op: 'copy', from: '/name', path: '/tags/0' }],
        want: (b, a) => expect(a.tags).toEqual([b.name, ...b.tags]),
      },
    ],
    [
      'copy may read a read-only field',
      { ops: [{ op: 'copy', from: '/key', path: '/name' }], want: (b, a) => expect(a.name).toBe(b.key) },
    ],
    [
      'a passing test lets the rest apply',
      {
        ops: [
          { op: 'test', path: '/critical', value: true },
          { op: 'replace', path: '/requireComments', value: false },
        ],
        want: (b, a) => expect(a).toEqual({ ...b, requireComments: false }),
      },
    ],
    [
      'test may read a read-only field',
      {
        ops: [
          { op: 'test', path: '/apiKey', value: 'sdk-3f2a9c4e-7b1d-4e8a-9c6f-2d5b8e1a7f03' },
          { op: 'replace', path: '/critical', value: false },
        ],
        want: (_b, a) => expect(a.critical).toBe(false),
      },
    ],
    [
      'test sees the operations before it',
      {
        ops: [
          { op: 'replace', path: '/name', value: 'X' },
          { op: 'test', path: '/name', value: 'X' },
        ],
        want: (_b, a) => expect(a.name).toBe('X'),
      },
    ],
    [
      'editable approval settings change',
      {
        ops: [
          { op: 'replace', path: '/approvalSettings/minNumApprovals', value: 2 },
          { op: 'replace', path: '/approvalSettings/canReviewOwnRequest', value: true },
        ],
        want: (b, a) =>
          expect(a.approvalSettings).toEqual({ ...b.approvalSettings, minNumApprovals: 2, canReviewOwnRequest: true }),
      },
    ],
    [
      'one patch may switch to tag-based approvals',
      {
        ops: [
          { op: 'replace', path: '/approvalSettings/required', value: false },
          { op: 'add', path: '/approvalSettings/requiredApprovalTags/-', value: 'needs-review' },
        ],
        want: (_b, a) =>
          expect([a.approvalSettings?.required, a.approvalSettings?.requiredApprovalTags]).toEqual([
            false,
            ['needs-review'],
          ]),
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { ops, want }) => {
    const before = await current();
    const reply = await patch<LaunchDarklyEnvironment>(ops);
    expect(reply.status).toBe(200);
    want(before, reply.body);
    expect(await current()).toEqual(reply.body);
  });

  it.each(['application/json', 'application/json-patch+json'])('accepts %s', async (contentType) => {
    const reply = await patch([{ op: 'replace', path: '/name', value: contentType }], {
      ...write,
      'content-type': contentType,
    });
    expect(reply.status).toBe(200);
    expect((await current()).name).toBe(contentType);
  });

  it('GET returns the environment seeded from the spec example', async () => {
    const reply = await server.request('GET', path, { headers: write });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      key: 'production',
      name: 'Production',
      tags: ['ops'],
      _links: { self: { href: path } },
    });
  });
});

interface ErrorCase {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  ops?: unknown;
  rawBody?: string;
  status: number;
  message: RegExp;
}

const codeByStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'optimistic_locking_error',
  413: 'request_entity_too_large',
  415: 'unsupported_media_type',
};

const readOnly = ['_id', 'key', 'apiKey', 'mobileKey', '_links', '_access'].map((field): [string, ErrorCase] => [
  `read-only ${field}`,
  {
    ops: [{ op: 'add', path: `/${field}`, value: 'x' }],
    status: 400,
    message: new RegExp(`^/0/path: '/${field}' is read-only and cannot be patched`),
  },
]);

describe('launchdarkly errors answer in the LaunchDarkly envelope and change nothing', () => {
  const cases: Array<[string, ErrorCase]> = [
    ...readOnly,
    [
      'below a read-only field',
      {
        ops: [{ op: 'replace', path: '/_links/self/href', value: '/elsewhere' }],
        status: 400,
        message: /^\/0\/path: '\/_links\/self\/href' is read-only/,
      },
    ],
    [
      'move away from a read-only field',
      {
        ops: [{ op: 'move', from: '/apiKey', path: '/name' }],
        status: 400,
        message: /^\/0\/from: '\/apiKey' is read-only and cannot be moved away/,
      },
    ],
    [
      'the whole environment',
      { ops: [{ op: 'replace', path: '', value: {} }], status: 400, message: /whole environment cannot be patched/ },
    ],
    [
      'a field the environment does not have',
      {
        ops: [{ op: 'add', path: '/colour', value: 'red' }],
        status: 400,
        message: /'\/colour' is not a field of the environment/,
      },
    ],
    [
      'non-editable approval setting',
      {
        ops: [{ op: 'replace', path: '/approvalSettings/serviceKind', value: 'servicenow' }],
        status: 400,
        message:
          /'\/approvalSettings\/serviceKind' cannot be patched \(only the approval settings canReviewOwnRequest, canApplyDeclinedChanges, minNumApprovals, required, requiredApprovalTags are editable\)/,
      },
    ],
    [
      'bypassApprovalsForPendingChanges',
      {
        ops: [{ op: 'replace', path: '/approvalSettings/bypassApprovalsForPendingChanges', value: true }],
        status: 400,
        message:
          /'\/approvalSettings\/bypassApprovalsForPendingChanges' cannot be patched \(only the approval settings/,
      },
    ],
    [
      'the whole approvalSettings object',
      {
        ops: [{ op: 'replace', path: '/approvalSettings', value: {} }],
        status: 400,
        message: /'\/approvalSettings' cannot be patched/,
      },
    ],
    [
      'required with requiredApprovalTags',
      {
        ops: [
          { op: 'replace', path: '/approvalSettings/required', value: true },
          { op: 'add', path: '/approvalSettings/requiredApprovalTags/0', value: 'x' },
        ],
        status: 400,
        message:
          /You can specify either required approvals for all flags in an environment or those with specific tags, but not both/,
      },
    ],
    [
      'requiredApprovalTags while required stays true',
      {
        ops: [{ op: 'replace', path: '/approvalSettings/requiredApprovalTags', value: ['x'] }],
        status: 400,
        message: /\/approvalSettings would have both required \(true\) and requiredApprovalTags set/,
      },
    ],
    [
      'result not an Environment: string defaultTtl',
      {
        ops: [{ op: 'replace', path: '/defaultTtl', value: 'five' }],
        status: 400,
        message: /^the patched environment would be invalid: \/defaultTtl must be integer/,
      },
    ],
    [
      'result not an Environment: required field removed',
      { ops: [{ op: 'remove', path: '/tags' }], status: 400, message: /\/tags is required and cannot be removed/ },
    ],
    [
      'result not an Environment: bad color',
      { ops: [{ op: 'replace', path: '/color', value: 'red' }], status: 400, message: /\/color must match pattern/ },
    ],
    [
      'result not an Environment: zero approvals',
      {
        ops: [{ op: 'replace', path: '/approvalSettings/minNumApprovals', value: 0 }],
        status: 400,
        message: /\/approvalSettings\/minNumApprovals must be >= 1/,
      },
    ],
    [
      'a later operation fails: earlier ones roll back',
      {
        ops: [
          { op: 'replace', path: '/name', value: 'X' },
          { op: 'add', path: '/tags/0', value: 'y' },
          { op: 'remove', path: '/tags/5' },
        ],
        status: 400,
        message: /^\/2\/path: '\/tags\/5' does not exist; no operation was applied$/,
      },
    ],
    [
      'replace a path that does not exist',
      {
        ops: [{ op: 'replace', path: '/approvalSettings/requiredApprovalTags/0', value: 'x' }],
        status: 400,
        message: /^\/0\/path: '\/approvalSettings\/requiredApprovalTags\/0' does not exist/,
      },
    ],
    [
      'add past the end of an array',
      {
        ops: [{ op: 'add', path: '/tags/5', value: 'x' }],
        status: 400,
        message: /^\/0\/path: index 5 in '\/tags\/5' is past the end of the array \(length 1\)/,
      },
    ],
    [
      'move past the end of the same array',
      {
        ops: [{ op: 'move', from: '/tags/0', path: '/tags/1' }],
        status: 400,
        message: /^\/0\/path: index 1 .* past the end of the array \(length 0\)/,
      },
    ],
    [
      'copy past the end of an array',
      { ops: [{ op: 'copy', from: '/name', path: '/tags/9' }], status: 400, message: /past the end/ },
    ],
    [
      'move into its own child',
      {
        ops: [
          {
            op: 'move',
            from: '/approvalSettings/requiredApprovalTags',
            path: '/approvalSettings/requiredApprovalTags/0',
          },
        ],
        status: 400,
        message: /cannot be moved into its own child/,
      },
    ],
    [
      'non-numeric array index',
      {
        ops: [{ op: 'add', path: '/tags/first', value: 'x' }],
        status: 400,
        message: /'first' in '\/tags\/first' is not an array index/,
      },
    ],
    [
      'array index with a leading zero',
      {
        ops: [{ op: 'replace', path: '/tags/00', value: 'x' }],
        status: 400,
        message: /'00' in '\/tags\/00' is not an array index/,
      },
    ],
    [
      'replace without a value',
      {
        ops: [{ op: 'replace', path: '/name' }],
        status: 400,
        message: /^\/0\/value: a replace operation needs a value/,
      },
    ],
    [
      'copy without a from',
      { ops: [{ op: 'copy', path: '/name' }], status: 400, message: /^\/0\/from: a copy operation needs a from/ },
    ],
    [
      'unknown op',
      {
        ops: [{ op: 'merge', path: '/name', value: 'x' }],
        status: 400,
        message: /body\/0\/op must be equal to one of the allowed values/,
      },
    ],
    [
      'path that is not a JSON Pointer',
      { ops: [{ op: 'replace', path: 'name', value: 'x' }], status: 400, message: /body\/0\/path must match pattern/ },
    ],
    ['empty patch', { ops: [], status: 400, message: /body must NOT have fewer than 1 items/ }],
    ['not an array', { ops: { op: 'replace', path: '/name', value: 'x' }, status: 400, message: /body must be array/ }],
    [
      'patch longer than the cap',
      {
        ops: Array.from({ length: 101 }, () => ({ op: 'test', path: '/critical', value: true })),
        status: 400,
        message: /^the JSON Patch has 101 operations; at most 100 are accepted/,
      },
    ],
    [
      'malformed JSON',
      {
        rawBody: '[{"op":',
        headers: { ...write, 'content-type': 'application/json' },
        status: 400,
        message: /not valid JSON/,
      },
    ],
    [
      'failing test',
      {
        ops: [
          { op: 'replace', path: '/name', value: 'X' },
          { op: 'test', path: '/critical', value: false },
          { op: 'replace', path: '/requireComments', value: false },
        ],
        status: 409,
        message: /^test operation at index 1 failed: \/critical is true, not false; no operation was applied$/,
      },
    ],
    [
      'test of a missing location',
      {
        ops: [{ op: 'test', path: '/approvalSettings/serviceKindConfigurationId', value: 'x' }],
        status: 409,
        message:
          /^test operation at index 0 failed: \/approvalSettings\/serviceKindConfigurationId does not exist, not "x"/,
      },
    ],
    [
      'missing token',
      {
        headers: {},
        ops: [{ op: 'replace', path: '/name', value: 'x' }],
        status: 401,
        message: /send your API access token in the Authorization header \(no Bearer prefix\)/,
      },
    ],
    [
      'unknown token',
      {
        headers: { authorization: 'api-nope' },
        ops: [{ op: 'replace', path: '/name', value: 'x' }],
        status: 401,
        message: /^the credential is unknown or malformed: send your API access token/,
      },
    ],
    [
      'Bearer-prefixed token',
      {
        headers: { authorization: 'Bearer api-0000demo-write' },
        ops: [{ op: 'replace', path: '/name', value: 'x' }],
        status: 401,
        message: /no Bearer prefix/,
      },
    ],
    ['GET without a token', { method: 'GET', headers: {}, status: 401, message: /Authorization/ }],
    [
      'GET with a token that may write but not read',
      {
        method: 'GET',
        headers: { authorization: 'api-0000demo-write-only' },
        status: 403,
        message: /^credential 'launchdarkly-demo-write-only' may write but not read this resource$/,
      },
    ],
    [
      'unknown environment',
      {
        path: '/api/v2/projects/default/environments/staging',
        ops: [{ op: 'replace', path: '/name', value: 'x' }],
        status: 404,
        message: /^Unknown environment 'staging' in project 'default'$/,
      },
    ],
    [
      'unknown project',
      {
        method: 'GET',
        path: '/api/v2/projects/other/environments/production',
        status: 404,
        message: /^Unknown environment 'production' in project 'other'$/,
      },
    ],
    [
      'malformed environment key',
      {
        method: 'GET',
        path: '/api/v2/projects/default/environments/..%2Fetc',
        status: 400,
        message: /params\/environmentKey must match pattern/,
      },
    ],
    [
      'malformed project key on PATCH',
      {
        path: '/api/v2/projects/-bad/environments/production',
        ops: [{ op: 'replace', path: '/name', value: 'x' }],
        status: 400,
        message: /params\/projectKey must match pattern/,
      },
    ],
    [
      'body over the size limit',
      {
        ops: [{ op: 'replace', path: '/name', value: 'x'.repeat(200_000) }],
        status: 413,
        message: /limit: split the JSON Patch into smaller requests/,
      },
    ],
    [
      'wrong content type',
      {
        rawBody: '[]',
        headers: { ...write, 'content-type': 'text/plain' },
        status: 415,
        message: /send the JSON Patch as 'application\/json' or 'application\/json-patch\+json'/,
      },
    ],
    [
      'merge patch content type',
      {
        rawBody: '{"name":"x"}',
        headers: { ...write, 'content-type': 'application/merge-patch+json' },
        status: 415,
        message: /unsupported media type/i,
      },
    ],
    ['undocumented method', { method: 'DELETE', status: 405, message: /allowed methods: .*PATCH/ }],
    [
      'unknown route',
      {
        method: 'GET',
        path: '/api/v2/projects/default/flags',
        status: 404,
        message: /^no route GET \/api\/v2\/projects\/default\/flags: see the API reference/,
      },
    ],
  ];
  for (const [, c] of cases)
    if (/^\/api\/v2\/projects\/[^/]+\/environments\/[^/]+$/.test(c.path ?? path)) covers(c.method ?? 'PATCH', c.status);
  it.each(cases)('%s', async (_name, c) => {
    const before = await current();
    const method = c.method ?? 'PATCH';
    const reply = await server.request(method, c.path ?? path, {
      headers: c.headers ?? write,
      ...(c.ops === undefined ? {} : { body: c.ops }),
      ...(c.rawBody ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status).toBe(c.status);
    expect(reply.body).toEqual({ code: codeByStatus[c.status], message: expect.stringMatching(c.message) });
    expect(reply.headers.get('x-request-id')).toBeTruthy();
    expect(reply.text).not.toMatch(/node_modules|\n\s+at |"tree"/);
    expect(await current()).toEqual(before);
  });

  it('a configured patch cap applies', async () => {
    const small = await startHarness('launchdarkly', { vendorOptions: { maxPatchOperations: 2 } });
    try {
      const ops = Array.from({ length: 3 }, () => ({ op: 'test', path: '/critical', value: true }));
      const reply = await small.request<LaunchDarklyError>('PATCH', path, { headers: write, body: ops });
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/3 operations; at most 2/);
      expect((await small.request('PATCH', path, { headers: write, body: ops.slice(0, 2) })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('launchdarkly refuses prototype pollution', () => {
  const cases: Array<[string, { ops?: unknown[]; rawBody?: string }]> = [
    ['/__proto__/x', { ops: [{ op: 'add', path: '/__proto__/polluted', value: true }] }],
    ['/constructor/prototype/x', { ops: [{ op: 'add', path: '/constructor/prototype/polluted', value: true }] }],
    [
      '__proto__ inside an editable array',
      { ops: [{ op: 'add', path: '/approvalSettings/requiredApprovalTags/__proto__', value: 'x' }] },
    ],
    [
      '__proto__ inside approval settings',
      { ops: [{ op: 'add', path: '/approvalSettings/__proto__/polluted', value: true }] },
    ],
    ['copy from __proto__', { ops: [{ op: 'copy', from: '/__proto__', path: '/name' }] }],
    ['test of constructor', { ops: [{ op: 'test', path: '/constructor', value: {} }] }],
    [
      'a __proto__ key inside a value',
      { rawBody: '[{"op":"replace","path":"/tags","value":{"__proto__":{"polluted":true}}}]' },
    ],
  ];
  it.each(cases)('%s', async (_name, c) => {
    const before = await current();
    const reply = await server.request<LaunchDarklyError>('PATCH', path, {
      headers: { ...write, 'content-type': 'application/json' },
      ...(c.ops ? { body: c.ops } : {}),
      ...(c.rawBody ? { rawBody: c.rawBody } : {}),
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body.code).toBe('invalid_request');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(await current()).toEqual(before);
  });
});

describe('launchdarkly rate limiting', () => {
  // The limiter's counts live in the app: a server of its own (the file's afterEach closes it).
  beforeEach(async () => {
    server = await startHarness('launchdarkly', { clock: () => fixedNow });
  });
  covers('GET', 429);
  covers('PATCH', 429);
  it.each(['GET', 'PATCH'])(
    '%s answers 429 with the rate-limit headers once the token exceeds its limit',
    async (method) => {
      const send = () =>
        server.request(method, path, {
          headers: throttled,
          ...(method === 'PATCH' ? { body: [{ op: 'test', path: '/critical', value: true }] } : {}),
        });
      const statuses = [(await send()).status, (await send()).status];
      const limited = await send();
      expect([...statuses, limited.status]).toEqual([200, 200, 429]);
      expect(limited.body).toEqual({
        code: 'rate_limited',
        message: expect.stringMatching(/rate limit of 2 requests per 60 s exceeded/),
      });
      expect(limited.headers.get('x-ratelimit-global-remaining')).toBe('0');
      expect(limited.headers.get('x-ratelimit-route-remaining')).toBe('0');
      expect(limited.headers.get('x-ratelimit-reset')).toBe(String(fixedNow.getTime() + 60_000));
      expect(limited.headers.get('retry-after')).toBe('60');
    },
  );
});

describe('launchdarkly concurrency', () => {
  // One server takes its own updates of a document in turns, so only another replica can make a
  // compare-and-set lose: each case also runs on two replicas over one store whose first reads wait
  // for each other (see InterleavingStore), alternating requests between them.
  const setups: Array<[string, () => InterleavingStore<unknown>[]]> = [
    ['one server, in memory', () => []],
    [
      'two replicas over one store',
      () => {
        const shared = new MemoryStore(launchDarklyCore.fixtures(loadBundle('launchdarkly')));
        const barrier = new ReadBarrier(2);
        return [new InterleavingStore(shared, barrier), new InterleavingStore(shared, barrier)];
      },
    ],
  ];
  let interleaving: InterleavingStore<unknown>[] = [];
  let replicas: Harness[] = [];
  const startOn = async (setup: () => InterleavingStore<unknown>[]) => {
    await server.close();
    interleaving = setup();
    replicas = interleaving.length
      ? await Promise.all(interleaving.map((store) => startHarness('launchdarkly', { store })))
      : [await startHarness('launchdarkly')];
    // The file's afterEach closes `server`; the other replica is closed below.
    server = replicas[0]!;
  };
  afterEach(async () => {
    await Promise.all(replicas.slice(1).map((replica) => replica.close()));
  });
  /** The `index`th concurrent patch, sent to the replicas in turn. */
  const patchOn = (index: number, body: unknown) =>
    replicas[index % replicas.length]!.request<PatchAnswer>('PATCH', path, { headers: write, body });
  const retried = () => {
    if (interleaving.length)
      expect(interleaving.reduce((lost, store) => lost + store.lostWrites, 0)).toBeGreaterThan(0);
  };

  it.each(setups)('50 concurrent add /tags/0 patches all apply (%s)', async (_name, setup) => {
    await startOn(setup);
    const tags = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const replies = await Promise.all(tags.map((tag, i) => patchOn(i, [{ op: 'add', path: '/tags/0', value: tag }])));
    expect(replies.map((r) => r.status)).toEqual(tags.map(() => 200));
    const after = await current();
    expect(after.tags).toHaveLength(51);
    expect(after.tags).toEqual(expect.arrayContaining([...tags, 'ops']));
    retried();
  });

  it.each(setups)(
    'concurrent guarded renames: one wins, the rest fail their test with 409 instead of retrying forever (%s)',
    async (_name, setup) => {
      await startOn(setup);
      const names = Array.from({ length: 10 }, (_, i) => `Production ${i}`);
      const replies = await Promise.all(
        names.map((name, i) =>
          patchOn(i, [
            { op: 'test', path: '/name', value: 'Production' },
            { op: 'replace', path: '/name', value: name },
          ]),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array.from({ length: 9 }, () => 409)]);
      const winner = replies.find((r) => r.status === 200)!;
      expect((await current()).name).toBe(winner.body.name);
      for (const loser of replies.filter((r) => r.status === 409))
        expect(loser.body.message).toMatch(
          /^test operation at index 0 failed: \/name is "Production \d", not "Production"/,
        );
      retried();
    },
  );

  it.each(setups)('a retried patch starts again from its original operations (%s)', async (_name, setup) => {
    await startOn(setup);
    // The second operation appends to the array the first one inserted; a retry must not see it already appended.
    const ops = [
      { op: 'replace', path: '/tags', value: [] },
      { op: 'add', path: '/tags/-', value: 'x' },
    ];
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => patchOn(i, ops)));
    expect(replies.map((r) => [r.status, r.body.tags])).toEqual(replies.map(() => [200, ['x']]));
    retried();
  });
});

describe('launchdarkly covers every documented status', () => {
  it('the tables above exercise each status each operation documents', () => {
    for (const { method, operation } of listOperations(loadBundle('launchdarkly'))) {
      const missing = Object.keys(operation.responses).filter((status) => !covered.has(`${method} ${status}`));
      expect(missing, operation.operationId).toEqual([]);
    }
  });
});
