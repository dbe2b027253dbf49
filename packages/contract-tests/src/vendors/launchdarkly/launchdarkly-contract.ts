import { expect } from 'vitest';
import type { ContractClient } from '../../contract-client.ts';
import { roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import { untilRateLimited, type VendorContract } from '../vendor-contract.ts';

const fixture = { projectKey: 'default', environmentKey: 'production' };
const write = () => roleHeaders('launchdarkly', 'write');
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('getEnvironment', { params, headers });
const patch = (api: ContractClient, ops: unknown, headers = write(), params = fixture) =>
  api.call('patchEnvironment', { params, headers, body: ops });

type Environment = { name: string; critical: boolean; tags: string[] };

export const launchDarklyContract: VendorContract = {
  vendor: 'launchdarkly',
  snapshot: async (api) => (await get(api)).body,
  validCall: (operationId) =>
    operationId === 'getEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: write(), body: requestBodyExample('launchdarkly', 'patchEnvironment') },
  writes: [{ operationId: 'patchEnvironment', call: (ops) => ({ params: fixture, headers: write(), body: ops }) }],
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
      condition: 'a malformed key',
      validRequest: false,
      provoke: (api) => get(api, write(), { ...fixture, environmentKey: '-bad key' }),
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
      status: 403,
      condition: 'a token that may write but not read',
      validRequest: true,
      provoke: async (api) => {
        const reply = await get(api, roleHeaders('launchdarkly', 'write-only'));
        expect((reply.body as { code?: string } | undefined)?.code).toBe('forbidden');
        return reply;
      },
    },
    {
      operationId: 'getEnvironment',
      status: 404,
      condition: 'an unknown environment',
      validRequest: true,
      provoke: (api) => get(api, write(), { ...fixture, environmentKey: 'no-such-env' }),
    },
    {
      operationId: 'getEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => get(api, roleHeaders('launchdarkly', 'throttled'))),
    },
    {
      operationId: 'patchEnvironment',
      status: 200,
      condition: 'a valid patch',
      validRequest: true,
      provoke: (api) => patch(api, [{ op: 'replace', path: '/name', value: 'Production' }]),
    },
    {
      operationId: 'patchEnvironment',
      status: 400,
      condition: 'a read-only path',
      validRequest: true,
      provoke: (api) => patch(api, [{ op: 'replace', path: '/apiKey', value: 'sdk-stolen' }]),
    },
    {
      operationId: 'patchEnvironment',
      status: 401,
      condition: 'an unknown token',
      validRequest: true,
      provoke: (api) => patch(api, [{ op: 'replace', path: '/name', value: 'x' }], { authorization: 'api-unknown' }),
    },
    {
      operationId: 'patchEnvironment',
      status: 404,
      condition: 'an unknown environment',
      validRequest: true,
      provoke: (api) =>
        patch(api, [{ op: 'replace', path: '/name', value: 'x' }], write(), {
          ...fixture,
          environmentKey: 'no-such-env',
        }),
    },
    {
      operationId: 'patchEnvironment',
      status: 409,
      condition: 'a failing test op',
      validRequest: true,
      provoke: async (api) => {
        const current = (await get(api)).body as Environment;
        return patch(api, [
          { op: 'test', path: '/critical', value: !current.critical },
          { op: 'replace', path: '/name', value: 'never' },
        ]);
      },
    },
    {
      operationId: 'patchEnvironment',
      status: 413,
      condition: 'a body over the limit',
      validRequest: false,
      provoke: (api) => patch(api, [{ op: 'replace', path: '/name', value: 'x'.repeat(300_000) }]),
    },
    {
      operationId: 'patchEnvironment',
      status: 415,
      condition: 'a text/plain body',
      validRequest: false,
      provoke: (api) =>
        api.call('patchEnvironment', {
          params: fixture,
          headers: { ...write(), 'content-type': 'text/plain' },
          rawBody: 'x',
        }),
    },
    {
      operationId: 'patchEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) =>
        untilRateLimited(() =>
          patch(api, [{ op: 'replace', path: '/name', value: 'x' }], roleHeaders('launchdarkly', 'throttled')),
        ),
    },
  ],
  statefulCases: [
    {
      name: 'update then GET shows the change; /tags/0 inserts first',
      async run(api) {
        const tag = `contract-${Date.now()}`;
        const patched = await patch(api, [{ op: 'add', path: '/tags/0', value: tag }]);
        expect(patched.status).toBe(200);
        const after = (await get(api)).body as Environment;
        expect(after.tags[0]).toBe(tag);
        expect(after).toEqual(patched.body);
      },
    },
    {
      name: 'a failing test op rolls back the whole patch',
      async run(api) {
        const before = (await get(api)).body as Environment;
        const reply = await patch(api, [
          { op: 'replace', path: '/name', value: 'rolled back' },
          { op: 'add', path: '/tags/0', value: 'rolled-back' },
          { op: 'test', path: '/critical', value: !before.critical },
        ]);
        expect(reply.status).toBe(409);
        expect((await get(api)).body).toEqual(before);
      },
    },
  ],
};
