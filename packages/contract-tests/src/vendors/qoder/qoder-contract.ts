import { expect } from 'vitest';
import type { ContractClient } from '../../contract-client.ts';
import { roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import { untilRateLimited, type StatefulCase, type StatusCase, type VendorContract } from '../vendor-contract.ts';

const fixture = { environment_id: 'env_019e3bb39b6774d8878cd0b9d237574b' };
const unknown = { environment_id: 'env_0000000000000000000000000000dead' };
const write = () => roleHeaders('qoder', 'write');
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('getEnvironment', { params, headers });
/** The seed documents the update as PUT, Qoder's SDKs send POST: every update case runs with both. */
const updateOperations = ['updateEnvironment', 'updateEnvironmentWithPost'] as const;
type UpdateOperation = (typeof updateOperations)[number];
const updateWith =
  (operationId: UpdateOperation) =>
  (api: ContractClient, body: unknown, headers = write(), params = fixture) =>
    api.call(operationId, { params, headers, body });

/** The update's documented statuses, provoked through `operationId`. */
function updateStatusCases(operationId: UpdateOperation): StatusCase[] {
  const put = updateWith(operationId);
  return [
    {
      operationId,
      status: 200,
      condition: 'a valid partial update',
      validRequest: true,
      provoke: (api) => put(api, requestBodyExample('qoder', 'updateEnvironment')),
    },
    {
      operationId,
      status: 400,
      condition: 'config without type',
      validRequest: false,
      provoke: (api) => put(api, { config: { networking: { type: 'limited' } } }),
    },
    {
      operationId,
      status: 401,
      condition: 'an unknown token',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, { authorization: 'Bearer qoder_pat_unknown' }),
    },
    {
      operationId,
      status: 403,
      condition: 'a read-only token',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, roleHeaders('qoder', 'read')),
    },
    {
      operationId,
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => put(api, { name: 'x' }, write(), unknown),
    },
    {
      operationId,
      status: 413,
      condition: 'a body over the limit',
      validRequest: false,
      provoke: (api) => put(api, { description: 'x'.repeat(300_000) }),
    },
    {
      operationId,
      status: 415,
      condition: 'a text/plain body',
      validRequest: false,
      provoke: (api) =>
        api.call(operationId, {
          params: fixture,
          headers: { ...write(), 'content-type': 'text/plain' },
          rawBody: 'name=x',
        }),
    },
    {
      operationId,
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => put(api, { name: 'x' }, roleHeaders('qoder', 'throttled'))),
    },
  ];
}

/** What only a target with state shows about the update, through `operationId`. */
function updateStatefulCases(operationId: UpdateOperation): StatefulCase[] {
  const put = updateWith(operationId);
  const method = operationId === 'updateEnvironment' ? 'PUT' : 'POST';
  return [
    {
      name: `${method}: update then GET shows the change, and omitted fields stay`,
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
      name: `${method}: a null or empty metadata value deletes the key`,
      async run(api) {
        for (const deleted of [null, '']) {
          expect((await put(api, { metadata: { contract_key: 'present' } })).status).toBe(200);
          expect(((await get(api)).body as { metadata: Record<string, string> }).metadata.contract_key).toBe('present');
          expect((await put(api, { metadata: { contract_key: deleted } })).status).toBe(200);
          expect(((await get(api)).body as { metadata: Record<string, string> }).metadata).not.toHaveProperty(
            'contract_key',
          );
        }
      },
    },
    {
      name: `${method}: a null description is stored as null, a null name leaves the name`,
      async run(api) {
        const before = (await get(api)).body as { name: string };
        const updated = await put(api, { description: null, name: null });
        expect(updated.status).toBe(200);
        expect(updated.body).toEqual(expect.objectContaining({ description: null, name: before.name }));
        expect((await get(api)).body).toEqual(updated.body);
      },
    },
  ];
}

export const qoderContract: VendorContract = {
  vendor: 'qoder',
  snapshot: async (api) => (await get(api)).body,
  validCall: (operationId) =>
    operationId === 'getEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: write(), body: requestBodyExample('qoder', 'updateEnvironment') },
  writes: updateOperations.map((operationId) => ({
    operationId,
    call: (body: unknown) => ({ params: fixture, headers: write(), body }),
  })),
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
    ...updateOperations.flatMap(updateStatusCases),
  ],
  statefulCases: updateOperations.flatMap(updateStatefulCases),
};
