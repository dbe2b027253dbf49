import { describe, expect, it } from 'vitest';
import {
  createFabroClient,
  etagOf,
  fabroError,
  fabroErrorStatuses,
  isFabroError,
  replaceRequest,
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
const tokens = { write: 'fabro_dev_demo_write' };
/** Fabro's request ids: random UUIDs (version 4), lowercase and hyphenated. */
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const staleIfMatch = `"${'0'.repeat(64)}"`;
const environmentPath = '/api/v1/environments/{id}';

const mock = usePrismMock('fabro');

const client = (baseUrl: string, token = tokens.write, headers?: Record<string, string>): FabroClient =>
  createFabroClient({ baseUrl, token, ...(headers ? { headers } : {}) });

const replacement = (): FabroReplaceEnvironmentRequest => {
  const example = documentedResponse('fabro', 'retrieveEnvironment', 200).example as Parameters<
    typeof toReplaceRequest
  >[0];
  return toReplaceRequest(example);
};

describe('fabro client against the Prism mock', () => {
  it('environments.get resolves to the documented example', async () => {
    expect(await client(mock.url).environments.get(id)).toEqual(
      documentedResponse('fabro', 'retrieveEnvironment', 200).example,
    );
  });

  it('environments.getWithETag reads the ETag header', async () => {
    const { environment, etag } = await client(mock.url).environments.getWithETag(id);
    expect(etag).toBe(documentedResponse('fabro', 'retrieveEnvironment', 200).headers.ETag);
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
      retrieveEnvironment: (fabro) => fabro.environments.get(id),
      replaceEnvironment: (fabro) => fabro.environments.replace(id, replacement(), { ifMatch: staleIfMatch }),
    },
    isVendorError: isFabroError,
    expected: (example: FabroError) => ({
      code: example.errors[0]?.code,
      errors: example.errors,
      message: example.errors.map((error) => error.detail).join('; '),
      requestId: example.request_id,
    }),
  });
});

describe('fabro client against the reference server', () => {
  // Started here, not for the whole file: the mock's cases run even when the server cannot start.
  const server = useReferenceServer('fabro');

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

  it('replace with a stale revision throws a 409 (an ordinary error: no code)', async () => {
    const fabro = client(server.url);
    const stale = await fabro.environments.get(id);
    await fabro.environments.updateWith(id, (draft) => {
      draft.labels.bump = String(Math.random());
    });
    const error = await fabro.environments
      .replace(id, toReplaceRequest(stale), { ifMatch: stale })
      .catch((caught: unknown) => caught);
    expect(isFabroError(error, 'replaceEnvironment')).toBe(true);
    expect(error).toMatchObject({ status: 409, code: undefined, requestId: expect.stringMatching(uuidV4) });
  });

  it("replace accepts the body exactly as Fabro's own integration tests send it", async () => {
    const fabro = client(server.url);
    const body = replaceRequest({ provider: 'docker', image: { docker: 'alpine:3.20' } });
    const { etag } = await fabro.environments.getWithETag(id);
    const replaced = await fabro.environments.replace(id, body, { ifMatch: etag });
    expect(toReplaceRequest(replaced)).toEqual(body);
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
    title: string;
  };
  const replaceWith = (url: string, body: FabroReplaceEnvironmentRequest, headers?: Record<string, string>) =>
    client(url).environments.replace(id, body, { ifMatch: staleIfMatch, ...(headers ? { headers } : {}) });
  const errorCases: Array<[string, ErrorCase]> = [
    [
      'a malformed id',
      {
        call: (url) => client(url).environments.get('Not_An_Id!'),
        operation: 'retrieveEnvironment',
        status: 400,
        title: 'Bad Request',
      },
    ],
    [
      'an unknown token',
      {
        call: (url) => client(url, 'fabro_dev_nope').environments.get(id),
        operation: 'retrieveEnvironment',
        status: 401,
        title: 'Unauthorized',
      },
    ],
    [
      'an unknown environment',
      {
        call: (url) => client(url).environments.get('gpu-runner'),
        operation: 'retrieveEnvironment',
        status: 404,
        title: 'Not Found',
      },
    ],
    [
      'an id in the body (JSON that does not fit the schema)',
      {
        call: (url) => replaceWith(url, { ...replacement(), id } as never),
        operation: 'replaceEnvironment',
        status: 422,
        title: 'Unprocessable Entity',
      },
    ],
    [
      'a local Dockerfile path (domain validation)',
      {
        call: (url) =>
          replaceWith(url, {
            ...replacement(),
            image: { docker: null, dockerfile: { type: 'path', path: 'Dockerfile' } },
          } as never),
        operation: 'replaceEnvironment',
        status: 422,
        title: 'Unprocessable Entity',
      },
    ],
    [
      'a network mode the provider cannot enforce (domain validation)',
      {
        call: (url) => replaceWith(url, replaceRequest({ provider: 'local', network: { mode: 'block' } })),
        operation: 'replaceEnvironment',
        status: 422,
        title: 'Unprocessable Entity',
      },
    ],
    [
      'an unknown token on replace',
      {
        call: (url) => client(url, 'fabro_dev_nope').environments.replace(id, replacement(), { ifMatch: staleIfMatch }),
        operation: 'replaceEnvironment',
        status: 401,
        title: 'Unauthorized',
      },
    ],
    [
      'an unknown environment on replace',
      {
        call: (url) => client(url).environments.replace('gpu-runner', replacement(), { ifMatch: staleIfMatch }),
        operation: 'replaceEnvironment',
        status: 404,
        title: 'Not Found',
      },
    ],
    [
      'a body over the limit',
      {
        call: (url) => replaceWith(url, { ...replacement(), env: { BIG: 'x'.repeat(200_000) } }),
        operation: 'replaceEnvironment',
        status: 413,
        title: 'Payload Too Large',
      },
    ],
    [
      'a body that is not JSON',
      {
        call: (url) => replaceWith(url, replacement(), { 'Content-Type': 'text/plain' }),
        operation: 'replaceEnvironment',
        status: 415,
        title: 'Unsupported Media Type',
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
        title: 'Precondition Required',
      },
    ],
  ];

  it.each(errorCases)('%s throws the typed error', async (_, { call, operation, status, title }) => {
    const error = await call(server.url).then(
      () => expect.unreachable('the call resolved'),
      (caught: unknown) => caught,
    );
    expect(isFabroError(error, operation)).toBe(true);
    expect(error).toMatchObject({
      vendor: 'fabro',
      operation,
      status,
      requestId: expect.stringMatching(uuidV4),
      errors: [{ status: String(status), title, request_id: expect.stringMatching(uuidV4) }],
    });
    expect((error as { response: Response }).response.headers.get('x-request-id')).toBe(
      (error as { requestId: string }).requestId,
    );
  });
});
