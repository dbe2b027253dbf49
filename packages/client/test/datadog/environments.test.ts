import { describe, expect, it } from 'vitest';
import {
  createDatadogClient,
  datadogErrorStatuses,
  isDatadogError,
  type DatadogClient,
  type DatadogOperationId,
} from '../../src/datadog/index.ts';
import { itThrowsEveryDocumentedError } from '../support/documented-errors.ts';
import type { DatadogAPIErrorResponse } from '@envspec/types/datadog';
import { documentedResponse } from '@envspec/testkit';
import { usePrismMock, useReferenceServer } from '../support/targets.ts';

const environmentId = '550e8400-e29b-41d4-a716-446655440001';
const unknownId = '550e8400-e29b-41d4-a716-446655449999';
const apiKey = 'dd_demo_api_key';
const appKeys = {
  write: 'dd_demo_app_key_write',
  read: 'dd_demo_app_key_read',
  throttled: 'dd_demo_app_key_throttled',
};

const mock = usePrismMock('datadog');
const server = useReferenceServer('datadog');

const client = (
  baseUrl: string,
  appKey = appKeys.write,
  headers?: Record<string, string>,
  key = apiKey,
): DatadogClient => createDatadogClient({ baseUrl, apiKey: key, appKey, ...(headers ? { headers } : {}) });

const exampleData = (operation: DatadogOperationId) =>
  (documentedResponse('datadog', operation, 200).example as { data: unknown }).data;

describe('datadog client against the Prism mock', () => {
  it('environments.get resolves to the documented example’s data', async () => {
    expect(await client(mock.url).environments.get(environmentId)).toEqual(exampleData('GetFeatureFlagsEnvironment'));
  });

  it('environments.update wraps the attributes and resolves to the documented example’s data', async () => {
    expect(await client(mock.url).environments.update(environmentId, { name: 'Staging' })).toEqual(
      exampleData('UpdateFeatureFlagsEnvironment'),
    );
  });

  itThrowsEveryDocumentedError({
    vendor: 'datadog',
    target: mock,
    statuses: datadogErrorStatuses,
    client: (url, headers) => client(url, appKeys.write, headers),
    calls: {
      GetFeatureFlagsEnvironment: (datadog) => datadog.environments.get(environmentId),
      UpdateFeatureFlagsEnvironment: (datadog) => datadog.environments.update(environmentId, { name: 'Staging' }),
    },
    isVendorError: isDatadogError,
    expected: (example: DatadogAPIErrorResponse, headers, status) => ({
      code: undefined,
      errors: example.errors,
      message: example.errors.join('; '),
      requestId: headers['X-Request-Id'],
      rateLimit:
        status === 429
          ? {
              retryAfterMs: Number(headers['X-RateLimit-Reset']) * 1000,
              limit: Number(headers['X-RateLimit-Limit']),
              period: Number(headers['X-RateLimit-Period']),
              remaining: Number(headers['X-RateLimit-Remaining']),
              name: headers['X-RateLimit-Name'],
            }
          : undefined,
    }),
  });
});

describe('datadog client against the reference server', () => {
  it('update changes only the attributes sent and get reads them back', async () => {
    const datadog = client(server.url);
    const before = await datadog.environments.get(environmentId);
    const name = `Staging ${Date.now()}`;
    const updated = await datadog.environments.update(environmentId, { name, require_feature_flag_approval: true });
    expect(updated).toMatchObject({
      id: environmentId,
      type: 'environments',
      attributes: { name, require_feature_flag_approval: true, key: before.attributes.key },
    });
    expect(await datadog.environments.get(environmentId)).toEqual(updated);
  });

  type ErrorCase = { call: (url: string) => Promise<unknown>; operation: DatadogOperationId; status: number };
  const errorCases: Array<[string, ErrorCase]> = [
    [
      'an id that is not a UUID',
      { call: (url) => client(url).environments.get('staging'), operation: 'GetFeatureFlagsEnvironment', status: 400 },
    ],
    [
      'an unknown key pair',
      {
        call: (url) => client(url, 'dd_nope').environments.get(environmentId),
        operation: 'GetFeatureFlagsEnvironment',
        status: 403,
      },
    ],
    [
      'an unknown environment',
      { call: (url) => client(url).environments.get(unknownId), operation: 'GetFeatureFlagsEnvironment', status: 404 },
    ],
    [
      'an empty name',
      {
        call: (url) => client(url).environments.update(environmentId, { name: '' }),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 400,
      },
    ],
    [
      'an unknown attribute',
      {
        call: (url) => client(url).environments.update(environmentId, { nme: 'x' } as never),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 400,
      },
    ],
    [
      'a read-only application key',
      {
        call: (url) => client(url, appKeys.read).environments.update(environmentId, { name: 'x' }),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 403,
      },
    ],
    [
      'an unknown environment on update',
      {
        call: (url) => client(url).environments.update(unknownId, { name: 'x' }),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 404,
      },
    ],
    [
      'a body over the limit',
      {
        call: (url) => client(url).environments.update(environmentId, { queries: ['x'.repeat(200_000)] }),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 413,
      },
    ],
    [
      'a body that is not JSON',
      {
        call: (url) =>
          client(url).environments.update(environmentId, { name: 'x' }, { headers: { 'Content-Type': 'text/plain' } }),
        operation: 'UpdateFeatureFlagsEnvironment',
        status: 415,
      },
    ],
  ];

  it.each(errorCases)('%s throws the typed error', async (_, { call, operation, status }) => {
    const error = await call(server.url).then(
      () => expect.unreachable('the call resolved'),
      (caught: unknown) => caught,
    );
    expect(isDatadogError(error, operation)).toBe(true);
    expect(error).toMatchObject({
      vendor: 'datadog',
      operation,
      status,
      code: undefined,
      requestId: expect.any(String),
      errors: [expect.any(String)],
    });
  });

  it('the throttled key pair gets a 429 with the X-RateLimit-* headers', async () => {
    const datadog = client(server.url, appKeys.throttled);
    await datadog.environments.get(environmentId);
    await datadog.environments.get(environmentId);
    const error = await datadog.environments.get(environmentId).catch((caught: unknown) => caught);
    if (!isDatadogError(error, 'GetFeatureFlagsEnvironment') || error.status !== 429)
      throw new Error(`expected a 429, got ${String(error)}`);
    expect(error.rateLimit).toMatchObject({ limit: 2, period: 60, remaining: 0, name: 'feature_flags_environments' });
    expect(error.rateLimit.retryAfterMs).toBeGreaterThan(0);
  });
});
