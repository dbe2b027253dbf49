import { describe, expect, it } from 'vitest';
import {
  createFabroClient,
  etagOf,
  fabroError,
  fabroErrorStatuses,
  isFabroError,
  toReplaceRequest,
  type FabroClient,
  type FabroOperationId,
  type FabroReplaceEnvironmentRequest,
} from '../../src/fabro/index.ts';
import { itThrowsEveryDocumentedError } from '../support/documented-errors.ts';
import type { FabroError } from '@envspec/types/fabro';
import { documentedResponse } from '@envspec/testkit';
import { usePrismMock, useReferenceServer } from '../support/targets.ts';

const id = 'ci-runner';
const tokens = { write: 'fabro_dev_demo_write', throttled: 'fabro_dev_demo_throttled' };
const environmentPath = '/api/v1/environments/{id}';

const mock = usePrismMock('fabro');
const server = useReferenceServer('fabro');

const client = (baseUrl: string, token = tokens.write, headers?: Record<string, string>): FabroClient =>
  createFabroClient({ baseUrl, token, ...(headers ? { headers } : {}) });

const replacement = (): FabroReplaceEnvironmentRequest => {
  const example = documentedResponse('fabro', 'getEnvironment', 200).example as Parameters<typeof toReplaceRequest>[0];
  return toReplaceRequest(example);
};

describe('fabro client against the Prism mock', () => {
  it('environments.get resolves to the documented example', async () => {
    expect(await client(mock.url).environments.get(id)).toEqual(
      documentedResponse('fabro', 'getEnvironment', 200).example,
    );
  });

  it('environments.getWithETag reads the ETag header', async () => {
    const { environment, etag } = await client(mock.url).environments.getWithETag(id);
    expect(etag).toBe(documentedResponse('fabro', 'getEnvironment', 200).headers.ETag);
    expect(etag).toBe(etagOf(environment));
  });

  it('environments.replace sends If-Match and resolves to the documented example', async () => {
    const fabro = client(mock.url);
    const current = await fabro.environments.get(id);
    expect(await fabro.environments.replace(id, replacement(), { ifMatch: current })).toEqual(
      documentedResponse('fabro', 'replaceEnvironment', 200).example,
    );
  });

  itThrowsEveryDocumentedError({
    vendor: 'fabro',
    target: mock,
    statuses: fabroErrorStatuses,
    client: (url, headers) => client(url, tokens.write, headers),
    calls: {
      getEnvironment: (fabro) => fabro.environments.get(id),
      replaceEnvironment: (fabro) => fabro.environments.replace(id, replacement(), { ifMatch: `"${'0'.repeat(64)}"` }),
    },
    isVendorError: isFabroError,
    expected: (example: FabroError, headers, status) => ({
      code: example.errors[0]?.code,
      errors: example.errors,
      message: example.errors.map((error) => error.detail).join('; '),
      requestId: example.request_id,
      rateLimit: status === 429 ? { retryAfterMs: Number(headers['Retry-After']) * 1000 } : undefined,
    }),
  });
});

describe('fabro client against the reference server', () => {
  it('replace with the ETag read changes the environment and its revision', async () => {
    const fabro = client(server.url);
    const { environment, etag } = await fabro.environments.getWithETag(id);
    expect(etag).toBe(etagOf(environment));
    const body = toReplaceRequest(environment);
    body.labels = { ...body.labels, run: String(Date.now()) };
    const replaced = await fabro.environments.replace(id, body, { ifMatch: etag });
    expect(replaced.labels).toEqual(body.labels);
    expect(replaced.revision).not.toBe(environment.revision);
    expect(await fabro.environments.get(id)).toEqual(replaced);
  });

  it('replace with a stale revision throws a 409 revision_mismatch', async () => {
    const fabro = client(server.url);
    const stale = await fabro.environments.get(id);
    await fabro.environments.updateWith(id, (draft) => {
      draft.labels.bump = String(Math.random());
    });
    const error = await fabro.environments
      .replace(id, toReplaceRequest(stale), { ifMatch: stale })
      .catch((caught: unknown) => caught);
    expect(isFabroError(error, 'replaceEnvironment') && error.status === 409 && error.code).toBe('revision_mismatch');
  });

  it('updateWith applies the change with a read-modify-write', async () => {
    const fabro = client(server.url);
    const updated = await fabro.environments.updateWith(id, (draft, current) => ({
      ...draft,
      env: { ...current.env, STAGE: 'updated' },
    }));
    expect(updated.env.STAGE).toBe('updated');
    expect(await fabro.environments.get(id)).toEqual(updated);
  });

  it('updateWith starts over when another writer wins the race', async () => {
    const fabro = client(server.url);
    const other = client(server.url);
    let calls = 0;
    const updated = await fabro.environments.updateWith(id, async (draft) => {
      calls += 1;
      // The first time, someone else replaces the environment between our read and our write.
      if (calls === 1)
        await other.environments.updateWith(id, (theirs) => {
          theirs.labels.writer = 'other';
        });
      draft.labels.writer = 'us';
    });
    expect(calls).toBe(2);
    expect(updated.labels.writer).toBe('us');
  });

  it('updateWith gives up after maxAttempts conflicts and throws the 409', async () => {
    const fabro = client(server.url);
    const other = client(server.url);
    let calls = 0;
    const error = await fabro.environments
      .updateWith(
        id,
        async (draft) => {
          calls += 1;
          await other.environments.updateWith(id, (theirs) => {
            theirs.labels.writer = `other-${calls}`;
          });
          return draft;
        },
        { maxAttempts: 2 },
      )
      .catch((caught: unknown) => caught);
    expect(calls).toBe(2);
    expect(isFabroError(error, 'replaceEnvironment') && error.status).toBe(409);
  });

  type ErrorCase = {
    call: (url: string) => Promise<unknown>;
    operation: FabroOperationId;
    status: number;
    code: string;
  };
  const errorCases: Array<[string, ErrorCase]> = [
    [
      'a malformed id',
      {
        call: (url) => client(url).environments.get('Not_An_Id!'),
        operation: 'getEnvironment',
        status: 400,
        code: 'invalid_request',
      },
    ],
    [
      'an unknown token',
      {
        call: (url) => client(url, 'fabro_dev_nope').environments.get(id),
        operation: 'getEnvironment',
        status: 401,
        code: 'unauthorized',
      },
    ],
    [
      'an unknown environment',
      {
        call: (url) => client(url).environments.get('gpu-runner'),
        operation: 'getEnvironment',
        status: 404,
        code: 'not_found',
      },
    ],
    [
      'an id in the body',
      {
        call: (url) =>
          client(url).environments.replace(id, { ...replacement(), id } as never, { ifMatch: `"${'0'.repeat(64)}"` }),
        operation: 'replaceEnvironment',
        status: 400,
        code: 'invalid_request',
      },
    ],
    [
      'an unknown token on replace',
      {
        call: (url) =>
          client(url, 'fabro_dev_nope').environments.replace(id, replacement(), { ifMatch: `"${'0'.repeat(64)}"` }),
        operation: 'replaceEnvironment',
        status: 401,
        code: 'unauthorized',
      },
    ],
    [
      'an unknown environment on replace',
      {
        call: (url) =>
          client(url).environments.replace('gpu-runner', replacement(), { ifMatch: `"${'0'.repeat(64)}"` }),
        operation: 'replaceEnvironment',
        status: 404,
        code: 'not_found',
      },
    ],
    [
      'a body over the limit',
      {
        call: (url) =>
          client(url).environments.replace(
            id,
            { ...replacement(), env: { BIG: 'x'.repeat(200_000) } },
            { ifMatch: `"${'0'.repeat(64)}"` },
          ),
        operation: 'replaceEnvironment',
        status: 413,
        code: 'payload_too_large',
      },
    ],
    [
      'a body that is not JSON',
      {
        call: (url) =>
          client(url).environments.replace(id, replacement(), {
            ifMatch: `"${'0'.repeat(64)}"`,
            headers: { 'Content-Type': 'text/plain' },
          }),
        operation: 'replaceEnvironment',
        status: 415,
        code: 'unsupported_media_type',
      },
    ],
    [
      'no If-Match (raw PUT, turned into the typed error)',
      {
        call: async (url) => {
          const { error, response } = await client(url).PUT(environmentPath, {
            params: { path: { id }, header: {} as never },
            body: replacement(),
          });
          throw fabroError('replaceEnvironment', response, error);
        },
        operation: 'replaceEnvironment',
        status: 428,
        code: 'precondition_required',
      },
    ],
  ];

  it.each(errorCases)('%s throws the typed error', async (_, { call, operation, status, code }) => {
    const error = await call(server.url).then(
      () => expect.unreachable('the call resolved'),
      (caught: unknown) => caught,
    );
    expect(isFabroError(error, operation)).toBe(true);
    expect(error).toMatchObject({ vendor: 'fabro', operation, status, code, requestId: expect.any(String) });
  });

  it('the throttled token gets a 429 with the wait from Retry-After', async () => {
    const fabro = client(server.url, tokens.throttled);
    await fabro.environments.get(id);
    await fabro.environments.get(id);
    const error = await fabro.environments.get(id).catch((caught: unknown) => caught);
    if (!isFabroError(error, 'getEnvironment') || error.status !== 429)
      throw new Error(`expected a 429, got ${String(error)}`);
    expect(error.code).toBe('rate_limited');
    expect(error.rateLimit.retryAfterMs).toBeGreaterThan(0);
  });
});
