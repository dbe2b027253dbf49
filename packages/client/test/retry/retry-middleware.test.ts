import createClient from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatadogClient, isDatadogError } from '../../src/datadog/index.ts';
import { createLaunchDarklyClient, patch } from '../../src/launchdarkly/index.ts';
import { createQoderClient, isQoderError, type QoderClientOptions } from '../../src/qoder/index.ts';
import { idempotent, retry, TimeoutError, type RetryEvent, type RetryOptions } from '../../src/retry/index.ts';
import { FakeClock, ManualClock } from '../support/fake-clock.ts';
import { startScriptedServer, type Reply, type ScriptedServer } from '../support/scripted-server.ts';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const qoderEnvironmentId = 'env_019e3bb39b6774d8878cd0b9d237574b';
const qoderEnvironment = {
  id: qoderEnvironmentId,
  type: 'environment',
  name: 'env',
  status: 'ready',
  config: { type: 'cloud' },
  created_at: '',
  updated_at: '',
};
const qoderError = (type: string) => ({ type: 'error', error: { type, message: 'try later' }, request_id: 'req_1' });
const ok: Reply = { status: 200, body: qoderEnvironment };

/** A Qoder client on the scripted server with the retry middleware (random fixed at 1: backoff = its ceiling). */
function qoderWithRetry(
  clock: FakeClock | ManualClock,
  options: RetryOptions = {},
  client: Pick<QoderClientOptions, 'fetch'> = {},
) {
  const qoder = createQoderClient({ baseUrl: server.url, token: 'qoder_pat_demo_write', ...client });
  qoder.use(retry({ clock, random: () => 1, ...options }));
  return qoder;
}

let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock();
});

describe('waits asked for by the response', () => {
  const now = Date.UTC(2030, 0, 1);
  const cases: Array<[string, { replies: Reply[]; waits: number[] }]> = [
    [
      '429 with Retry-After in seconds',
      {
        replies: [{ status: 429, headers: { 'Retry-After': '3' }, body: qoderError('rate_limit_error') }, ok],
        waits: [3_000],
      },
    ],
    [
      '429 with Retry-After as an HTTP date',
      {
        replies: [
          {
            status: 429,
            headers: { 'Retry-After': new Date(now + 5_000).toUTCString() },
            body: qoderError('rate_limit_error'),
          },
          ok,
        ],
        waits: [5_000],
      },
    ],
    [
      '429 with Datadog’s X-RateLimit-Reset (seconds from now)',
      {
        replies: [{ status: 429, headers: { 'X-RateLimit-Reset': '7' }, body: { errors: ['Too many requests'] } }, ok],
        waits: [7_000],
      },
    ],
    [
      '429 with LaunchDarkly’s X-Ratelimit-Reset (epoch milliseconds)',
      {
        replies: [
          {
            status: 429,
            headers: { 'X-Ratelimit-Reset': String(now + 1_500) },
            body: { code: 'rate_limited', message: 'slow down' },
          },
          ok,
        ],
        waits: [1_500],
      },
    ],
    [
      '429 with both: Retry-After wins',
      {
        replies: [
          {
            status: 429,
            headers: { 'Retry-After': '2', 'X-Ratelimit-Reset': String(now + 9_000) },
            body: qoderError('rate_limit_error'),
          },
          ok,
        ],
        waits: [2_000],
      },
    ],
    ['503 with Retry-After', { replies: [{ status: 503, headers: { 'Retry-After': '4' } }, ok], waits: [4_000] }],
    [
      '429 twice, then 200',
      {
        replies: [
          { status: 429, headers: { 'Retry-After': '1' } },
          { status: 429, headers: { 'Retry-After': '2' } },
          ok,
        ],
        waits: [1_000, 2_000],
      },
    ],
    [
      'a reset already past: back off instead',
      { replies: [{ status: 429, headers: { 'X-Ratelimit-Reset': String(now - 10_000) } }, ok], waits: [250] },
    ],
  ];

  it.each(cases)('%s', async (_, { replies, waits }) => {
    server.script(...replies);
    const environment = await qoderWithRetry(clock).environments.get(qoderEnvironmentId);
    expect(environment.id).toBe(qoderEnvironmentId);
    expect(clock.sleeps).toEqual(waits);
    expect(server.received).toHaveLength(waits.length + 1);
  });

  it('a wait longer than maxRetryAfterMs is not waited out: the 429 reaches the caller', async () => {
    server.script({ status: 429, headers: { 'Retry-After': '3600' }, body: qoderError('rate_limit_error') }, ok);
    const error = await qoderWithRetry(clock, { maxRetryAfterMs: 60_000 })
      .environments.get(qoderEnvironmentId)
      .catch((caught: unknown) => caught);
    expect(isQoderError(error, 'getEnvironment') && error.status === 429 && error.rateLimit.retryAfterMs).toBe(
      3_600_000,
    );
    expect(clock.sleeps).toEqual([]);
    expect(server.received).toHaveLength(1);
  });
});

describe('backoff for 5xx and network errors', () => {
  const cases: Array<[string, { replies: Reply[]; options?: RetryOptions; waits: number[]; finalStatus: number }]> = [
    [
      '503, 502, then 200: doubling waits',
      { replies: [{ status: 503 }, { status: 502 }, ok], waits: [250, 500], finalStatus: 200 },
    ],
    [
      'capped by maxDelayMs',
      {
        replies: [{ status: 500 }, { status: 500 }, { status: 500 }, ok],
        options: { retries: 3, baseDelayMs: 1_000, maxDelayMs: 1_500 },
        waits: [1_000, 1_500, 1_500],
        finalStatus: 200,
      },
    ],
    [
      'gives up after `retries` and returns the last answer',
      { replies: [{ status: 503 }], options: { retries: 2 }, waits: [250, 500], finalStatus: 503 },
    ],
    ['a dropped connection, then 200', { replies: [{ drop: true }, ok], waits: [250], finalStatus: 200 }],
    [
      '404 is not retried',
      { replies: [{ status: 404, body: qoderError('not_found_error') }], waits: [], finalStatus: 404 },
    ],
    ['501 is not retried', { replies: [{ status: 501 }], waits: [], finalStatus: 501 }],
  ];

  it.each(cases)('%s', async (_, { replies, options, waits, finalStatus }) => {
    server.script(...replies);
    const { response } = await qoderWithRetry(clock, options).GET('/api/v1/cloud/environments/{environment_id}', {
      params: { path: { environment_id: qoderEnvironmentId } },
    });
    expect(response.status).toBe(finalStatus);
    expect(clock.sleeps).toEqual(waits);
  });

  it('jitter picks a wait between 0 and the ceiling', async () => {
    server.script({ status: 503 }, { status: 503 }, ok);
    const qoder = createQoderClient({ baseUrl: server.url, token: 't' });
    qoder.use(retry({ clock, random: () => 0.5, baseDelayMs: 1_000 }));
    await qoder.environments.get(qoderEnvironmentId);
    expect(clock.sleeps).toEqual([500, 1_000]);
  });

  it('network errors are thrown once retries run out', async () => {
    server.script({ drop: true });
    const error = await qoderWithRetry(clock, { retries: 1 })
      .environments.get(qoderEnvironmentId)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(2);
  });
});

describe('idempotency', () => {
  const unavailable: Reply = { status: 503, headers: { 'Retry-After': '1' } };
  const ldEnvironment = { key: 'production', name: 'Production' };
  const launchDarkly = (options: RetryOptions = {}) => {
    const client = createLaunchDarklyClient({ baseUrl: server.url, apiKey: 'api-0000demo-write' });
    client.use(retry({ clock, ...options }));
    return client;
  };

  it('PUT is retried with the same body and credentials', async () => {
    server.script(unavailable, ok);
    await qoderWithRetry(clock).environments.update(qoderEnvironmentId, { name: 'renamed' });
    expect(server.received.map((request) => [request.method, request.body, request.headers.authorization])).toEqual([
      ['PUT', '{"name":"renamed"}', 'Bearer qoder_pat_demo_write'],
      ['PUT', '{"name":"renamed"}', 'Bearer qoder_pat_demo_write'],
    ]);
  });

  const patchCases: Array<[string, { options?: RetryOptions; idempotentCall?: boolean; attempts: number }]> = [
    ['PATCH is not retried by default', { attempts: 1 }],
    ['PATCH is retried when the call says it is idempotent', { idempotentCall: true, attempts: 2 }],
    [
      'PATCH is retried when idempotentMethods lists it',
      { options: { idempotentMethods: ['GET', 'PATCH'] }, attempts: 2 },
    ],
  ];

  it.each(patchCases)('%s', async (_, { options, idempotentCall, attempts }) => {
    server.script(unavailable, { status: 200, body: ldEnvironment });
    const result = launchDarkly(options).environments.patch('default', 'production', patch().add('/tags/0', 'ops'), {
      idempotent: idempotentCall ?? false,
    });
    await (attempts === 1
      ? expect(result).rejects.toMatchObject({ status: 503 })
      : expect(result).resolves.toEqual(ldEnvironment));
    expect(server.received).toHaveLength(attempts);
    expect(new Set(server.received.map((request) => request.body))).toEqual(
      new Set(['[{"op":"add","path":"/tags/0","value":"ops"}]']),
    );
  });

  it('POST is not retried, and the `idempotent` per-request middleware opts a raw call in', async () => {
    const raw = createClient<{
      '/things': { post: { responses: { 200: { content: { 'application/json': unknown } } } } };
    }>({ baseUrl: server.url });
    raw.use(retry({ clock }));
    server.script(unavailable, ok);
    expect((await raw.POST('/things', {})).response.status).toBe(503);
    server.script(unavailable, ok);
    expect((await raw.POST('/things', { middleware: [idempotent] })).response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });
});

describe('cancellation and timeouts', () => {
  it('aborting during a wait rejects with the abort reason and sends nothing more', async () => {
    server.script({ status: 503, headers: { 'Retry-After': '30' } }, ok);
    const controller = new AbortController();
    clock.onSleep = () => controller.abort();
    const error = await qoderWithRetry(clock)
      .environments.get(qoderEnvironmentId, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(server.received).toHaveLength(1);
  });

  it('aborting during an attempt rejects and is not retried', async () => {
    server.script({ hang: true });
    const controller = new AbortController();
    const pending = qoderWithRetry(clock).environments.get(qoderEnvironmentId, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    expect(clock.sleeps).toEqual([]);
  });

  it('an attempt that outlives timeoutMs fails with a TimeoutError and is retried', async () => {
    const manual = new ManualClock();
    server.script({ hang: true }, ok);
    const pending = qoderWithRetry(manual, { timeoutMs: 1_000, baseDelayMs: 0 }).environments.get(qoderEnvironmentId);
    await server.waitForRequests(1);
    manual.advance(1_000);
    await expect(pending).resolves.toMatchObject({ id: qoderEnvironmentId });
    expect(server.received).toHaveLength(2);
  });

  it('the timeout covers the body: one that stalls after the headers times out', async () => {
    const manual = new ManualClock();
    server.script({ status: 200, stall: '{"id":' });
    // Time runs out only once the head has arrived, so it is the body, not the head, that times out.
    let headArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (headArrived = resolve));
    const fetchNotingTheHead = async (request: Request) => {
      const response = await fetch(request);
      headArrived();
      return response;
    };
    const pending = qoderWithRetry(
      manual,
      { timeoutMs: 1_000, retries: 0 },
      { fetch: fetchNotingTheHead },
    ).environments.get(qoderEnvironmentId);
    await arrived;
    manual.advance(1_000);
    await expect(pending).rejects.toBeInstanceOf(TimeoutError);
  });

  it('a finished attempt leaves no timer behind', async () => {
    const manual = new ManualClock();
    server.script(ok);
    await qoderWithRetry(manual, { timeoutMs: 1_000 }).environments.get(qoderEnvironmentId);
    expect(manual.sleeps).toEqual([1_000]);
    expect(manual.pending).toBe(0);
  });

  it('with no retries left, the TimeoutError reaches the caller', async () => {
    const manual = new ManualClock();
    server.script({ hang: true });
    const pending = qoderWithRetry(manual, { timeoutMs: 2_000, retries: 0 }).environments.get(qoderEnvironmentId);
    await server.waitForRequests(1);
    manual.advance(2_000);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2_000 });
  });
});

describe('onRetry and vendor errors after retrying', () => {
  it('reports each retry, and a Datadog 429 that outlasts the retries is still a typed error', async () => {
    server.script({
      status: 429,
      headers: { 'X-RateLimit-Reset': '5', 'X-RateLimit-Limit': '10' },
      body: { errors: ['Too many requests'] },
    });
    const events: RetryEvent[] = [];
    const datadog = createDatadogClient({ baseUrl: server.url, apiKey: 'k', appKey: 'a' });
    datadog.use(retry({ clock, retries: 1, onRetry: (event) => events.push(event) }));
    const error = await datadog.environments
      .get('550e8400-e29b-41d4-a716-446655440001')
      .catch((caught: unknown) => caught);
    expect(events.map(({ retry, delayMs, status }) => ({ retry, delayMs, status }))).toEqual([
      { retry: 1, delayMs: 5_000, status: 429 },
    ]);
    expect(
      isDatadogError(error, 'GetFeatureFlagsEnvironment') && error.status === 429 && error.rateLimit,
    ).toMatchObject({ retryAfterMs: 5_000, limit: 10 });
  });
});
