import { describe, expect, it } from 'vitest';
import {
  createQoderClient,
  isQoderError,
  qoderError,
  qoderErrorStatuses,
  type QoderClient,
  type QoderOperationId,
} from '../../src/qoder/index.ts';
import { itThrowsEveryDocumentedError } from '../support/documented-errors.ts';
import type { QoderError } from '@envspec/types/qoder';
import { documentedResponse } from '@envspec/testkit';
import { usePrismMock, useReferenceServer } from '../support/targets.ts';

const environmentId = 'env_019e3bb39b6774d8878cd0b9d237574b';
const environmentPath = '/api/v1/cloud/environments/{environment_id}';
const tokens = { write: 'qoder_pat_demo_write', read: 'qoder_pat_demo_read', throttled: 'qoder_pat_demo_throttled' };

const mock = usePrismMock('qoder');
const server = useReferenceServer('qoder');

const client = (baseUrl: string, token = tokens.write, headers?: Record<string, string>): QoderClient =>
  createQoderClient({ baseUrl, token, ...(headers ? { headers } : {}) });

describe('qoder client against the Prism mock', () => {
  it('environments.get resolves to the documented example', async () => {
    expect(await client(mock.url).environments.get(environmentId)).toEqual(
      documentedResponse('qoder', 'getEnvironment', 200).example,
    );
  });

  it('environments.update resolves to the documented example', async () => {
    const updated = await client(mock.url).environments.update(environmentId, {
      name: 'renamed',
      metadata: { owner: null },
    });
    expect(updated).toEqual(documentedResponse('qoder', 'updateEnvironment', 200).example);
  });

  it("the raw POST (what Qoder's SDKs send) answers like the update", async () => {
    const { data, response } = await client(mock.url).POST(environmentPath, {
      params: { path: { environment_id: environmentId } },
      body: { description: null, scope: 'account' },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(documentedResponse('qoder', 'updateEnvironmentWithPost', 200).example);
  });

  it('the raw GET stays available and typed', async () => {
    const { data, response } = await client(mock.url).GET('/api/v1/cloud/environments/{environment_id}', {
      params: { path: { environment_id: environmentId } },
    });
    expect(response.status).toBe(200);
    expect(data?.id).toBe(environmentId);
  });

  itThrowsEveryDocumentedError({
    vendor: 'qoder',
    target: mock,
    statuses: qoderErrorStatuses,
    client: (url, headers) => client(url, tokens.write, headers),
    calls: {
      getEnvironment: (qoder) => qoder.environments.get(environmentId),
      updateEnvironment: (qoder) => qoder.environments.update(environmentId, { name: 'renamed' }),
      updateEnvironmentWithPost: async (qoder) => {
        const { error, response } = await qoder.POST(environmentPath, {
          params: { path: { environment_id: environmentId } },
          body: { name: 'renamed' },
        });
        throw qoderError('updateEnvironmentWithPost', response, error);
      },
    },
    isVendorError: isQoderError,
    expected: (example: QoderError, headers, status) => ({
      type: example.error.type,
      code: example.error.code,
      message: example.error.message,
      requestId: example.request_id,
      rateLimit: status === 429 ? { retryAfterMs: Number(headers['Retry-After']) * 1000 } : undefined,
    }),
  });
});

describe('qoder client against the reference server', () => {
  it('update merges the change and get reads it back', async () => {
    const qoder = client(server.url);
    const name = `renamed-${Date.now()}`;
    const updated = await qoder.environments.update(environmentId, { name, metadata: { team: null, stage: 'test' } });
    expect(updated).toMatchObject({ id: environmentId, name, metadata: { owner: 'platform', stage: 'test' } });
    expect(updated.metadata).not.toHaveProperty('team');
    expect(await qoder.environments.get(environmentId)).toEqual(updated);
  });

  type ErrorCase = {
    call: (url: string) => Promise<unknown>;
    operation: QoderOperationId;
    status: number;
    type: string;
  };
  const errorCases: Array<[string, ErrorCase]> = [
    [
      'a malformed id',
      {
        call: (url) => client(url).environments.get('staging'),
        operation: 'getEnvironment',
        status: 400,
        type: 'invalid_request_error',
      },
    ],
    [
      'an unknown token',
      {
        call: (url) => client(url, 'qoder_pat_nope').environments.get(environmentId),
        operation: 'getEnvironment',
        status: 401,
        type: 'authentication_error',
      },
    ],
    [
      'an unknown environment',
      {
        call: (url) => client(url).environments.get('env_0000000000000000000000000000dead'),
        operation: 'getEnvironment',
        status: 404,
        type: 'not_found_error',
      },
    ],
    [
      'an unknown field',
      {
        call: (url) => client(url).environments.update(environmentId, { nme: 'x' } as never),
        operation: 'updateEnvironment',
        status: 400,
        type: 'invalid_request_error',
      },
    ],
    [
      'an unknown token on update',
      {
        call: (url) => client(url, 'qoder_pat_nope').environments.update(environmentId, { name: 'x' }),
        operation: 'updateEnvironment',
        status: 401,
        type: 'authentication_error',
      },
    ],
    [
      'a read-only token',
      {
        call: (url) => client(url, tokens.read).environments.update(environmentId, { name: 'x' }),
        operation: 'updateEnvironment',
        status: 403,
        type: 'permission_error',
      },
    ],
    [
      'an unknown environment on update',
      {
        call: (url) => client(url).environments.update('env_0000000000000000000000000000dead', { name: 'x' }),
        operation: 'updateEnvironment',
        status: 404,
        type: 'not_found_error',
      },
    ],
    [
      'a body over the limit',
      {
        call: (url) => client(url).environments.update(environmentId, { description: 'x'.repeat(200_000) }),
        operation: 'updateEnvironment',
        status: 413,
        type: 'request_too_large',
      },
    ],
    [
      'a body that is not JSON',
      {
        call: (url) =>
          client(url).environments.update(environmentId, { name: 'x' }, { headers: { 'Content-Type': 'text/plain' } }),
        operation: 'updateEnvironment',
        status: 415,
        type: 'invalid_request_error',
      },
    ],
  ];

  it.each(errorCases)('%s throws the typed error', async (_, { call, operation, status, type }) => {
    const error = await call(server.url).then(
      () => expect.unreachable('the call resolved'),
      (caught: unknown) => caught,
    );
    expect(isQoderError(error, operation)).toBe(true);
    expect(error).toMatchObject({
      vendor: 'qoder',
      operation,
      status,
      type,
      requestId: expect.stringMatching(/^req_/),
    });
    expect((error as Error).message).not.toBe('');
  });

  it('the throttled token gets a 429 with the wait from Retry-After', async () => {
    const qoder = client(server.url, tokens.throttled);
    await qoder.environments.get(environmentId);
    await qoder.environments.get(environmentId);
    const error = await qoder.environments.get(environmentId).catch((caught: unknown) => caught);
    if (!isQoderError(error, 'getEnvironment') || error.status !== 429)
      throw new Error(`expected a 429, got ${String(error)}`);
    expect(error.type).toBe('rate_limit_error');
    expect(error.rateLimit.retryAfterMs).toBeGreaterThan(0);
    expect(error.rateLimit.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('POST updates exactly as PUT does', async () => {
    const qoder = client(server.url);
    const name = `posted-${Date.now()}`;
    const { data, response } = await qoder.POST(environmentPath, {
      params: { path: { environment_id: environmentId } },
      body: { name, metadata: { stage: 'post' } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: environmentId, name, metadata: { stage: 'post' } });
    expect(await qoder.environments.get(environmentId)).toEqual(data);
  });

  it('null clears the description, and null or "" deletes a metadata key', async () => {
    const qoder = client(server.url);
    await qoder.environments.update(environmentId, { description: 'to be cleared', metadata: { a: '1', b: '2' } });
    const updated = await qoder.environments.update(environmentId, { description: null, metadata: { a: null, b: '' } });
    expect(updated.description).toBeNull();
    expect(updated.metadata).not.toHaveProperty('a');
    expect(updated.metadata).not.toHaveProperty('b');
  });

  it('scope and the SDK config fields are stored and read back', async () => {
    const qoder = client(server.url);
    const updated = await qoder.environments.update(environmentId, {
      scope: 'account',
      config: {
        type: 'cloud',
        setup_script: 'corepack enable',
        networking: { type: 'limited', allowed_hosts: ['api.github.com'], allow_mcp_servers: true },
        packages: { cargo: ['ripgrep'], go: ['golang.org/x/tools/gopls@latest'] },
      },
    });
    expect(updated).toMatchObject({
      scope: 'account',
      archived_at: null,
      config: {
        type: 'cloud',
        setup_script: 'corepack enable',
        networking: { type: 'limited', allowed_hosts: ['api.github.com'], allow_mcp_servers: true },
        packages: { cargo: ['ripgrep'], go: ['golang.org/x/tools/gopls@latest'] },
      },
    });
  });
});
