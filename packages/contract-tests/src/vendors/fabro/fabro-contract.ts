import { expect } from 'vitest';
import { vendorResponseIssues } from '@envspec/specs/vendor-definitions';
import type { ContractClient } from '../../contract-client.ts';
import { roleHeaders } from '../contract-credentials.ts';
import { requestBodyExample } from '../spec-examples.ts';
import type { VendorContract } from '../vendor-contract.ts';

const fixture = { id: 'ci-runner' };
const staleRevision = `"${'0'.repeat(64)}"`;
const write = () => roleHeaders('fabro', 'write');
const body = () => requestBodyExample('fabro', 'replaceEnvironment') as Record<string, unknown>;
/** Fabro's own integration tests' replace body, byte for byte. */
const integrationTestBody =
  '{"provider":"docker","image":{"docker":"alpine:3.20","dockerfile":null},"resources":{"cpu":null,"memory":null,"disk":null},"network":{"mode":"allow_all","allow":[]},"lifecycle":{"preserve":false,"stop_on_terminal":true,"auto_stop":null},"labels":{},"volumes":[],"env":{}}';
const get = (api: ContractClient, headers = write(), params = fixture) =>
  api.call('retrieveEnvironment', { params, headers });
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
    operationId === 'retrieveEnvironment'
      ? { params: fixture, headers: write() }
      : { params: fixture, headers: { ...write(), 'if-match': staleRevision }, body: body() },
  writes: [
    {
      operationId: 'replaceEnvironment',
      // Any well-formed revision: an invalid body must be refused before the revision is compared.
      call: (payload) => ({ params: fixture, headers: { ...write(), 'if-match': staleRevision }, body: payload }),
    },
  ],
  statusCases: [
    {
      operationId: 'retrieveEnvironment',
      status: 200,
      condition: 'an existing environment',
      validRequest: true,
      provoke: (api) => get(api),
    },
    {
      operationId: 'retrieveEnvironment',
      status: 400,
      condition: 'a malformed id',
      validRequest: false,
      provoke: (api) => get(api, write(), { id: 'Not_An_Id' }),
    },
    {
      operationId: 'retrieveEnvironment',
      status: 401,
      condition: 'no token',
      validRequest: false,
      provoke: (api) => get(api, {}),
    },
    {
      operationId: 'retrieveEnvironment',
      status: 404,
      condition: 'an unknown id',
      validRequest: true,
      provoke: (api) => get(api, write(), { id: 'no-such-env' }),
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
      condition: 'an If-Match that is not a revision',
      validRequest: false,
      provoke: (api) => put(api, body(), '"not-a-revision"'),
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
      provoke: (api) => put(api, { ...body(), labels: { big: 'x'.repeat(300_000) } }, staleRevision),
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
      status: 422,
      condition: 'a docker environment with a CIDR allow-list (a domain rule)',
      validRequest: true,
      provoke: async (api) =>
        put(api, { ...body(), network: { mode: 'cidr_allow_list', allow: ['10.0.0.0/8'] } }, await currentEtag(api)),
    },
    {
      operationId: 'replaceEnvironment',
      status: 422,
      condition: 'an id in the body, even without If-Match (the body is checked first)',
      validRequest: false,
      provoke: (api) => put(api, { ...body(), id: 'ci-runner' }, undefined),
    },
    {
      operationId: 'replaceEnvironment',
      status: 428,
      condition: 'no If-Match',
      validRequest: false,
      provoke: (api) => put(api, body(), undefined),
    },
  ],
  statefulCases: [
    {
      name: 'the ETag chain: replace with the current ETag, then the old one is stale',
      async run(api) {
        const first = await currentEtag(api);
        const next = { ...body(), labels: { contract: String(Date.now()) } };
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
    {
      name: "Fabro's own integration-test body is accepted, and the answer is what Fabro's own schema allows",
      async run(api) {
        const replaced = await api.call('replaceEnvironment', {
          params: fixture,
          headers: { ...write(), 'if-match': await currentEtag(api), 'content-type': 'application/json' },
          rawBody: integrationTestBody,
        });
        expect(replaced.status, replaced.text).toBe(200);
        expect(replaced.body).toEqual({ ...fixture, revision: expect.any(String), ...JSON.parse(integrationTestBody) });
        expect(vendorResponseIssues('fabro', 'replaceEnvironment', 200, replaced.body)).toEqual([]);
        expect(vendorResponseIssues('fabro', 'retrieveEnvironment', 200, (await get(api)).body)).toEqual([]);
      },
    },
    {
      name: 'sizes and durations are answered in their canonical form',
      async run(api) {
        const sent = {
          ...body(),
          resources: { cpu: 2, memory: '4GiB', disk: '20000MB' },
          lifecycle: { preserve: false, stop_on_terminal: true, auto_stop: '120m' },
        };
        const replaced = await put(api, sent, await currentEtag(api));
        expect(replaced.status, replaced.text).toBe(200);
        const answered = replaced.body as { resources: unknown; lifecycle: { auto_stop: unknown } };
        expect(answered.resources).toEqual({ cpu: 2, memory: '4294967296B', disk: '20GB' });
        expect(answered.lifecycle.auto_stop).toBe('2h');
      },
    },
    {
      name: 'every response carries a fresh UUID as X-Request-Id, whatever the client sent',
      async run(api) {
        const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
        const replies = [await get(api, { ...write(), 'x-request-id': 'mine' }), await get(api)];
        const ids = replies.map((reply) => reply.headers.get('x-request-id'));
        for (const id of ids) expect(id).toMatch(uuidV4);
        expect(ids[0]).not.toBe(ids[1]);
        const stale = await put(api, body(), staleRevision);
        expect((stale.body as { request_id: string }).request_id).toBe(stale.headers.get('x-request-id'));
      },
    },
  ],
};
