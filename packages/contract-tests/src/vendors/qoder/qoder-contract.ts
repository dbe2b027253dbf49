import { expect } from 'vitest';
import type { ContractClient } from '../../contract-client.ts';
import { roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import { untilRateLimited, type VendorContract } from '../vendor-contract.ts';

const fixture = { environment_id: 'env_019e3bb39b6774d8878cd0b9d237574b' };
const unknown = { environment_id: 'env_0000000000000000000000000000dead' };
const write = () => roleHeaders('qoder', 'write');
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('getEnvironment', { params, headers });
const put = (api: ContractClient, body: unknown, headers = write(), params = fixture) =>
  api.call('updateEnvironment', { params, headers, body });

export const qoderContract: VendorContract = {
  vendor: 'qoder',
  snapshot: async (api) => (await get(api)).body,
  validCall: (operationId) =>
    operationId === 'getEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: write(), body: requestBodyExample('qoder', 'updateEnvironment') },
  write: { operationId: 'updateEnvironment', call: (body) => ({ params: fixture, headers: write(), body }) },
  statusCases: [
    {
      operationId: 'getEnvironment',
      status: 200,
      condition: 'an existing environment',
      validRequest: true,
      provoke: (api) => get(api),
    },
    {
      operationId: 'getEnvironment',
      status: 400,
      condition: 'an id without the env_ prefix',
      validRequest: false,
      provoke: (api) => get(api, write(), { environment_id: 'staging' }),
    },
    {
      operationId: 'getEnvironment',
      status: 401,
      condition: 'no token',
      validRequest: false,
      provoke: (api) => get(api, {}),
    },
    {
      operationId: 'getEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => get(api, write(), unknown),
    },
    {
      operationId: 'getEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => get(api, roleHeaders('qoder', 'throttled'))),
    },
    {
      operationId: 'updateEnvironment',
      status: 200,
      condition: 'a valid partial update',
      validRequest: true,
      provoke: (api) => put(api, requestBodyExample('qoder', 'updateEnvironment')),
    },
    {
      operationId: 'updateEnvironment',
      status: 400,
      condition: 'config without type',
      validRequest: false,
      provoke: (api) => put(api, { config: { networking: { type: 'limited' } } }),
    },
    {
      operationId: 'updateEnvironment',
      status: 401,
      condition: 'an unknown token',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, { authorization: 'Bearer qoder_pat_unknown' }),
    },
    {
      operationId: 'updateEnvironment',
      status: 403,
      condition: 'a read-only token',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, roleHeaders('qoder', 'read')),
    },
    {
      operationId: 'updateEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, write(), unknown),
    },
    {
      operationId: 'updateEnvironment',
      status: 413,
      condition: 'a body over the limit',
      validRequest: false,
      provoke: (api) => put(api, { description: 'x'.repeat(300_000) }),
    },
    {
      operationId: 'updateEnvironment',
      status: 415,
      condition: 'a text/plain body',
      validRequest: false,
      provoke: (api) =>
        api.call('updateEnvironment', {
          params: fixture,
          headers: { ...write(), 'content-type': 'text/plain' },
          rawBody: 'name=x',
        }),
    },
    {
      operationId: 'updateEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => put(api, { name: 'x' }, roleHeaders('qoder', 'throttled'))),
    },
  ],
  statefulCases: [
    {
      name: 'update then GET shows the change, and omitted fields stay',
      async run(api) {
        const before = (await get(api)).body as Record<string, unknown>;
        const description = `contract ${Date.now()}`;
        const updated = await put(api, { description });
        expect(updated.status).toBe(200);
        expect((await get(api)).body).toEqual({
          ...before,
          description,
          updated_at: (updated.body as { updated_at: string }).updated_at,
        });
      },
    },
    {
      name: 'a null metadata value deletes the key',
      async run(api) {
        expect((await put(api, { metadata: { contract_key: 'present' } })).status).toBe(200);
        expect(((await get(api)).body as { metadata: Record<string, string> }).metadata.contract_key).toBe('present');
        expect((await put(api, { metadata: { contract_key: null } })).status).toBe(200);
        expect(((await get(api)).body as { metadata?: Record<string, string> }).metadata ?? {}).not.toHaveProperty(
          'contract_key',
        );
      },
    },
  ],
};
