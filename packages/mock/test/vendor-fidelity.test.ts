/**
 * What the vendors' own clients send, in every mode of the mock: Fabro's own integration-test body
 * gets a 200 that Fabro's own schema accepts, and Qoder's update answers `POST` (what its SDKs
 * send) exactly as it answers `PUT` (what its documentation shows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorResponseIssues } from '@envspec/specs/vendor-definitions';
import { findFreePort, readPath, send, updateRequest, type RawReply } from '@envspec/testkit';
import { startMocks, type MockFleet } from '../src/index.ts';
import { credentials } from './support/vendor-requests.ts';

const modes = ['static', 'dynamic', 'stateful'] as const;
const fleets = new Map<(typeof modes)[number], MockFleet>();

beforeAll(async () => {
  for (const mode of modes) {
    const ports = { qoder: await findFreePort(), fabro: await findFreePort() };
    fleets.set(mode, await startMocks({ vendors: ['qoder', 'fabro'], ports, mode, seed: 'envspec' }));
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([...fleets.values()].map((fleet) => fleet.stop()));
});

const urlOf = (mode: (typeof modes)[number], vendor: 'qoder' | 'fabro') =>
  fleets.get(mode)!.mocks.find((mock) => mock.vendor === vendor)!.url;

/** Fabro's own integration tests' replace body, byte for byte. */
const integrationTestBody =
  '{"provider":"docker","image":{"docker":"alpine:3.20","dockerfile":null},"resources":{"cpu":null,"memory":null,"disk":null},"network":{"mode":"allow_all","allow":[]},"lifecycle":{"preserve":false,"stop_on_terminal":true,"auto_stop":null},"labels":{},"volumes":[],"env":{}}';

describe.each(['static', 'stateful'] as const)('the fabro mock, %s', (mode) => {
  it("answers Fabro's own integration-test body with a 200 that Fabro's own schema accepts", async () => {
    const url = urlOf(mode, 'fabro');
    const current = await send(url, { path: readPath('fabro'), headers: credentials.fabro });
    const reply = await send(url, {
      method: 'PUT',
      path: readPath('fabro'),
      headers: { ...credentials.fabro, 'content-type': 'application/json', 'if-match': String(current.headers.etag) },
      body: integrationTestBody,
    });
    expect(reply.status, reply.text).toBe(200);
    expect(vendorResponseIssues('fabro', 'replaceEnvironment', 200, reply.body)).toEqual([]);
    if (mode === 'stateful') {
      expect(reply.body).toEqual({ id: 'ci-runner', revision: expect.any(String), ...JSON.parse(integrationTestBody) });
    }
  });
});

describe.each(modes)('the qoder mock, %s', (mode) => {
  const spec = updateRequest('qoder');
  const update = (method: 'PUT' | 'POST'): Promise<RawReply> =>
    send(urlOf(mode, 'qoder'), {
      method,
      path: spec.path,
      headers: { ...credentials.qoder, 'content-type': spec.contentType },
      body: JSON.stringify(spec.body),
    });

  it('answers POST to the update path as it answers PUT', async () => {
    const viaPut = await update('PUT');
    const viaPost = await update('POST');
    expect([viaPut.status, viaPost.status]).toEqual([200, 200]);
    expect(viaPost.headers['content-type']).toBe(viaPut.headers['content-type']);
    if (mode === 'static') expect(viaPost.body).toEqual(spec.expected);
    // Stateful: the same merge, so the second update leaves what the first one made, but its time.
    if (mode === 'stateful') {
      const { updated_at: _put, ...put } = viaPut.body as Record<string, unknown>;
      const { updated_at: _post, ...post } = viaPost.body as Record<string, unknown>;
      expect(post).toEqual(put);
      const read = await send(urlOf(mode, 'qoder'), { path: readPath('qoder'), headers: credentials.qoder });
      expect(read.body).toEqual(viaPost.body);
    }
  });
});
