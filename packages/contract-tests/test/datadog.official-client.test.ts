/**
 * Code written against the real Datadog works against envspec: the official TypeScript client,
 * pointed at the mock and the reference server, deserializes every response and surfaces each
 * documented error as its own ApiException.
 */
import { client, v2 } from '@datadog/datadog-api-client';
import { describe, expect, inject, it } from 'vitest';
import '../src/suite/provided.ts';
import { serveInProcess } from '../src/targets/in-process.ts';
import { endpointsFor, targetTraits } from '../src/targets/target.ts';
import { secretFor } from '../src/vendors/contract-credentials.ts';

const environmentId = '550e8400-e29b-41d4-a716-446655440001';
// Every target but the proxy (see suiteKinds), stateful ones this suite's own: its writes never land between
// another file's reads.
const endpoints = endpointsFor(inject('endpoints'), 'datadog', 'official-client');
// Errors are provoked for real, so only on targets with real behaviour.
const behavingEndpoints = endpoints.filter((endpoint) => !targetTraits[endpoint.kind].statusByPrefer);

function featureFlagsApi(baseUrl: string, secret = secretFor('datadog', 'write')!) {
  const [apiKeyAuth = '', appKeyAuth = ''] = secret.split(':');
  const configuration = client.createConfiguration({
    baseServer: new client.BaseServerConfiguration(baseUrl, {}),
    authMethods: { apiKeyAuth, appKeyAuth },
    enableRetry: false,
  });
  return new v2.FeatureFlagsApi(configuration);
}

async function apiException(promise: Promise<unknown>): Promise<client.ApiException<{ errors?: string[] }>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(client.ApiException);
  return error as client.ApiException<{ errors?: string[] }>;
}

describe.each(endpoints.map((endpoint) => [endpoint.kind, endpoint] as const))(
  '@datadog/datadog-api-client against the %s',
  (_kind, endpoint) => {
    serveInProcess(endpoint);
    const api = featureFlagsApi(endpoint.baseUrl);

    it('gets and updates an environment, deserializing the JSON:API documents', async () => {
      const got = await api.getFeatureFlagsEnvironment({ environmentId });
      expect(got.data?.id).toBe(environmentId);
      expect(got.data?.type).toBe('environments');
      const updated = await api.updateFeatureFlagsEnvironment({
        environmentId,
        body: {
          data: {
            type: 'environments',
            attributes: {
              name: 'Environment XYZ789',
              queries: ['staging', 'test'],
              isProduction: false,
              requireFeatureFlagApproval: true,
            },
          },
        },
      });
      expect(updated.data?.attributes?.name).toBe('Environment XYZ789');
      expect(updated.data?.attributes?.requireFeatureFlagApproval).toBe(true);
    });
  },
);

describe.each(behavingEndpoints.map((endpoint) => [endpoint.kind, endpoint] as const))(
  '@datadog/datadog-api-client errors from the %s',
  (_kind, endpoint) => {
    serveInProcess(endpoint);
    const api = featureFlagsApi(endpoint.baseUrl);

    it.each([
      [
        '404 for an unknown environment',
        404,
        () =>
          api.updateFeatureFlagsEnvironment({
            environmentId: '550e8400-e29b-41d4-a716-446655449999',
            body: { data: { type: 'environments', attributes: { name: 'x' } } },
          }),
      ],
      [
        '400 for an empty queries list',
        400,
        () =>
          api.updateFeatureFlagsEnvironment({
            environmentId,
            body: { data: { type: 'environments', attributes: { queries: [] } } },
          }),
      ],
      [
        '403 for a key without write permission',
        403,
        () =>
          featureFlagsApi(endpoint.baseUrl, secretFor('datadog', 'read')).updateFeatureFlagsEnvironment({
            environmentId,
            body: { data: { type: 'environments', attributes: { name: 'x' } } },
          }),
      ],
      [
        '403 for unknown keys',
        403,
        () => featureFlagsApi(endpoint.baseUrl, 'nope:nope').getFeatureFlagsEnvironment({ environmentId }),
      ],
      [
        '429 for a throttled key',
        429,
        async () => {
          const throttled = featureFlagsApi(endpoint.baseUrl, secretFor('datadog', 'throttled'));
          for (let attempt = 0; attempt < 5; attempt += 1)
            await throttled.getFeatureFlagsEnvironment({ environmentId }).catch(() => undefined);
          return throttled.getFeatureFlagsEnvironment({ environmentId });
        },
      ],
    ] as const)('surfaces %s as ApiException with the APIErrorResponse', async (_name, status, call) => {
      const error = await apiException(call());
      expect(error.code).toBe(status);
      expect(error.body.errors?.length).toBeGreaterThan(0);
    });
  },
);
