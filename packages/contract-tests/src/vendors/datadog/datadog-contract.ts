import { expect } from 'vitest';
import type { ContractClient } from '../../contract-client.ts';
import { hasRole, roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import { untilRateLimited, type VendorContract } from '../vendor-contract.ts';

const fixture = { environment_id: '550e8400-e29b-41d4-a716-446655440001' };
const unknown = { environment_id: '550e8400-e29b-41d4-a716-446655449999' };
const write = () => roleHeaders('datadog', 'write');
const body = () => requestBodyExample('datadog', 'UpdateFeatureFlagsEnvironment');
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('GetFeatureFlagsEnvironment', { params, headers });
const put = (api: ContractClient, payload: unknown, headers = write(), params = fixture) =>
  api.call('UpdateFeatureFlagsEnvironment', { params, headers, body: payload });

type Resource = { data: { attributes: Record<string, unknown> } };

export const datadogContract: VendorContract = {
  vendor: 'datadog',
  snapshot: async (api) => (await get(api)).body,
  validCall: (operationId) =>
    operationId === 'GetFeatureFlagsEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: write(), body: body() },
  writes: [
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      call: (payload) => ({ params: fixture, headers: write(), body: payload }),
    },
  ],
  statusCases: [
    {
      operationId: 'GetFeatureFlagsEnvironment',
      status: 200,
      condition: 'an existing environment',
      validRequest: true,
      provoke: (api) => get(api),
    },
    {
      operationId: 'GetFeatureFlagsEnvironment',
      status: 400,
      condition: 'an id that is not a UUID',
      validRequest: false,
      provoke: (api) => get(api, write(), { environment_id: 'staging' }),
    },
    {
      operationId: 'GetFeatureFlagsEnvironment',
      status: 403,
      condition: 'no keys',
      validRequest: false,
      provoke: (api) => get(api, {}),
    },
    // Only where a key with the write permission but not the read one is configured (the demo has one).
    ...(hasRole('datadog', 'write-only')
      ? [
          {
            operationId: 'GetFeatureFlagsEnvironment',
            status: 403,
            condition: 'a key without the read permission',
            validRequest: true,
            provoke: (api: ContractClient) => get(api, roleHeaders('datadog', 'write-only')),
          },
        ]
      : []),
    {
      operationId: 'GetFeatureFlagsEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => get(api, write(), unknown),
    },
    {
      operationId: 'GetFeatureFlagsEnvironment',
      status: 429,
      condition: 'a throttled key',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => get(api, roleHeaders('datadog', 'throttled'))),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 200,
      condition: 'a valid JSON:API document',
      validRequest: true,
      provoke: (api) => put(api, body()),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 400,
      condition: 'data.type other than environments',
      validRequest: false,
      provoke: (api) => put(api, { data: { type: 'flags', attributes: { name: 'x' } } }),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 403,
      condition: hasRole('datadog', 'read') ? 'a key without the write permission' : 'unknown keys',
      validRequest: true,
      provoke: (api) =>
        put(
          api,
          body(),
          hasRole('datadog', 'read')
            ? roleHeaders('datadog', 'read')
            : { 'dd-api-key': 'unknown', 'dd-application-key': 'unknown' },
        ),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => put(api, body(), write(), unknown),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 413,
      condition: 'a body over the limit',
      validRequest: false,
      provoke: (api) => put(api, { data: { type: 'environments', attributes: { name: 'x'.repeat(300_000) } } }),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 415,
      condition: 'a text/plain body',
      validRequest: false,
      provoke: (api) =>
        api.call('UpdateFeatureFlagsEnvironment', {
          params: fixture,
          headers: { ...write(), 'content-type': 'text/plain' },
          rawBody: 'x',
        }),
    },
    {
      operationId: 'UpdateFeatureFlagsEnvironment',
      status: 429,
      condition: 'a throttled key',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => put(api, body(), roleHeaders('datadog', 'throttled'))),
    },
  ],
  statefulCases: [
    {
      name: 'attributes apply partially: a name change keeps queries and flags',
      async run(api) {
        const before = (await get(api)).body as Resource;
        const name = `contract-${Date.now()}`;
        const updated = await put(api, { data: { type: 'environments', attributes: { name } } });
        expect(updated.status).toBe(200);
        const after = (await get(api)).body as Resource;
        expect(after.data.attributes).toEqual({
          ...before.data.attributes,
          name,
          updated_at: after.data.attributes.updated_at,
        });
        expect(after).toEqual(updated.body);
      },
    },
  ],
};
