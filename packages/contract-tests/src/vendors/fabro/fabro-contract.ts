import { expect } from 'vitest';
import type { ContractClient } from '../../contract-client.ts';
import { roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import { untilRateLimited, type VendorContract } from '../vendor-contract.ts';

const fixture = { id: 'ci-runner' };
const staleRevision = `"${'0'.repeat(64)}"`;
const write = () => roleHeaders('fabro', 'write');
const body = () => requestBodyExample('fabro', 'replaceEnvironment');
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('getEnvironment', { params, headers });
const currentEtag = async (api: ContractClient) => (await get(api)).headers.get('etag') ?? staleRevision;
const put = (api: ContractClient, payload: unknown, ifMatch: string | undefined, headers = write(), params = fixture) =>
  api.call('replaceEnvironment', {
    params,
    headers: { ...headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    body: payload,
  });

export const fabroContract: VendorContract = {
  vendor: 'fabro',
  snapshot: async (api) => {
    const reply = await get(api);
    return { body: reply.body, etag: reply.headers.get('etag') };
  },
  validCall: (operationId) =>
    operationId === 'getEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: { ...write(), 'if-match': staleRevision }, body: body() },
  write: {
    operationId: 'replaceEnvironment',
    // Any well-formed revision: an invalid body must be refused before the revision is compared.
    call: (payload) => ({ params: fixture, headers: { ...write(), 'if-match': staleRevision }, body: payload }),
  },
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
      condition: 'a malformed id',
      validRequest: false,
      provoke: (api) => get(api, write(), { id: 'Not_An_Id' }),
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
      provoke: (api) => get(api, write(), { id: 'no-such-env' }),
    },
    {
      operationId: 'getEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => get(api, roleHeaders('fabro', 'throttled'))),
    },
    {
      operationId: 'replaceEnvironment',
      status: 200,
      condition: 'the current ETag as If-Match',
      validRequest: true,
      provoke: async (api) => put(api, body(), await currentEtag(api)),
    },
    {
      operationId: 'replaceEnvironment',
      status: 400,
      condition: 'both docker and dockerfile',
      validRequest: false,
      provoke: async (api) =>
        put(
          api,
          { ...(body() as object), image: { docker: 'a', dockerfile: { type: 'inline', value: 'FROM a' } } },
          await currentEtag(api),
        ),
    },
    {
      operationId: 'replaceEnvironment',
      status: 401,
      condition: 'an unknown token',
      validRequest: true,
      provoke: async (api) => put(api, body(), await currentEtag(api), { authorization: 'Bearer fabro_dev_unknown' }),
    },
    {
      operationId: 'replaceEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => put(api, body(), staleRevision, write(), { id: 'no-such-env' }),
    },
    {
      operationId: 'replaceEnvironment',
      status: 409,
      condition: 'a stale If-Match',
      validRequest: true,
      provoke: (api) => put(api, body(), staleRevision),
    },
    {
      operationId: 'replaceEnvironment',
      status: 413,
      condition: 'a body over the limit',
      validRequest: false,
      provoke: (api) => put(api, { ...(body() as object), labels: { big: 'x'.repeat(300_000) } }, staleRevision),
    },
    {
      operationId: 'replaceEnvironment',
      status: 415,
      condition: 'a text/plain body',
      validRequest: false,
      provoke: (api) =>
        api.call('replaceEnvironment', {
          params: fixture,
          headers: { ...write(), 'if-match': staleRevision, 'content-type': 'text/plain' },
          rawBody: 'x',
        }),
    },
    {
      operationId: 'replaceEnvironment',
      status: 428,
      condition: 'no If-Match',
      validRequest: false,
      provoke: (api) => put(api, body(), undefined),
    },
    {
      operationId: 'replaceEnvironment',
      status: 429,
      condition: 'a throttled token',
      validRequest: true,
      provoke: (api) => untilRateLimited(() => put(api, body(), staleRevision, roleHeaders('fabro', 'throttled'))),
    },
  ],
  statefulCases: [
    {
      name: 'the ETag chain: replace with the current ETag, then the old one is stale',
      async run(api) {
        const first = await currentEtag(api);
        const next = { ...(body() as Record<string, unknown>), labels: { contract: String(Date.now()) } };
        const replaced = await put(api, next, first);
        expect(replaced.status).toBe(200);
        const second = replaced.headers.get('etag');
        expect(second).toBe(`"${(replaced.body as { revision: string }).revision}"`);
        expect(second).not.toBe(first);
        expect((await get(api)).body).toEqual(replaced.body);
        expect((await put(api, body(), first)).status).toBe(409);
        expect((await get(api)).body).toEqual(replaced.body);
        // A bare (unquoted) revision is accepted too.
        expect((await put(api, next, second!.replaceAll('"', ''))).status).toBe(200);
      },
    },
  ],
};
