/**
 * The static and dynamic mocks take the documented demo credentials and nothing else, as the
 * reference server does: any other credential gets the vendor's refusal in the vendor's envelope (401; Datadog 403),
 * and a read-only one may read but not write (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendors, type Vendor } from '@envspec/specs';
import {
  envelopeIssues,
  errorMessage,
  findFreePort,
  readPath,
  send,
  updateRequest,
  type RawReply,
} from '@envspec/testkit';
import { startMocks, type MockFleet, type MockMode } from '../src/index.ts';

type Role = 'write' | 'read' | 'throttled';

/** The README's demo credentials, as each vendor presents them. */
const demo: Record<Vendor, Partial<Record<Role, Record<string, string>>>> = {
  qoder: {
    write: { authorization: 'Bearer qoder_pat_demo_write' },
    read: { authorization: 'Bearer qoder_pat_demo_read' },
    throttled: { authorization: 'Bearer qoder_pat_demo_throttled' },
  },
  fabro: {
    write: { authorization: 'Bearer fabro_dev_demo_write' },
  },
  datadog: {
    write: { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_write' },
    read: { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_read' },
    throttled: { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'dd_demo_app_key_throttled' },
  },
  launchdarkly: {
    write: { authorization: 'api-0000demo-write' },
    throttled: { authorization: 'api-0000demo-throttled' },
  },
};

/** Well-formed in the vendor's scheme, but not a demo credential. */
const strangers: Record<Vendor, Array<[string, Record<string, string>]>> = {
  qoder: [
    ['an unknown PAT', { authorization: 'Bearer qoder_pat_someone_else' }],
    ['a demo PAT without Bearer', { authorization: 'qoder_pat_demo_write' }],
  ],
  fabro: [['an unknown dev token', { authorization: 'Bearer fabro_dev_someone_else' }]],
  datadog: [
    ['an unknown application key', { 'dd-api-key': 'dd_demo_api_key', 'dd-application-key': 'someone_else' }],
    ['the keys swapped', { 'dd-api-key': 'dd_demo_app_key_write', 'dd-application-key': 'dd_demo_api_key' }],
  ],
  launchdarkly: [
    ['an unknown access token', { authorization: 'api-someone-else' }],
    ['the demo token with a Bearer prefix', { authorization: 'Bearer api-0000demo-write' }],
  ],
};
const refusedWith: Record<Vendor, number> = { qoder: 401, fabro: 401, datadog: 403, launchdarkly: 401 };

/** The Prism modes; stateful mode's credentials are the vendor core's gate (test/stateful/). */
const fleets = new Map<MockMode, MockFleet>();
beforeAll(async () => {
  const ports = async () =>
    Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
  for (const mode of ['static', 'dynamic'] as const) fleets.set(mode, await startMocks({ ports: await ports(), mode }));
}, 60_000);
afterAll(async () => Promise.all([...fleets.values()].map((fleet) => fleet.stop())));

const urlOf = (mode: MockMode, vendor: Vendor) => fleets.get(mode)!.mocks.find((mock) => mock.vendor === vendor)!.url;
const read = (mode: MockMode, vendor: Vendor, credential: Record<string, string>): Promise<RawReply> =>
  send(urlOf(mode, vendor), { path: readPath(vendor), headers: credential });
const write = (mode: MockMode, vendor: Vendor, credential: Record<string, string>): Promise<RawReply> => {
  const update = updateRequest(vendor);
  return send(urlOf(mode, vendor), {
    method: update.method,
    path: update.path,
    headers: { ...update.headers, ...credential, 'content-type': update.contentType },
    body: JSON.stringify(update.body),
  });
};

describe.each(['static', 'dynamic'] as const)('%s mode', (mode) => {
  describe.each(vendors)('%s mock', (vendor) => {
    const roles = Object.entries(demo[vendor]) as Array<[Role, Record<string, string>]>;

    it.each(roles)('reads with the demo %s credential', async (_role, credential) => {
      expect((await read(mode, vendor, credential)).status).toBe(200);
    });

    it.each(roles.filter(([role]) => role !== 'read'))(
      'writes with the demo %s credential',
      async (_role, credential) => {
        const reply = await write(mode, vendor, credential);
        expect(reply.status, reply.text).toBe(updateRequest(vendor).status);
      },
    );

    it.each(roles.filter(([role]) => role === 'read'))(
      'refuses a write with the read-only demo credential (%s)',
      async (_role, credential) => {
        const reply = await write(mode, vendor, credential);
        expect(reply.status, reply.text).toBe(403);
        expect(envelopeIssues(vendor, reply.body)).toBe('');
        // In the vendor's words: Datadog says which permission the key lacks.
        expect(errorMessage(reply.body)).toMatch(/read-only|missing the \w+ permission/);
      },
    );

    it.each(strangers[vendor])('refuses %s with its documented status, in its envelope', async (_name, credential) => {
      for (const reply of [await read(mode, vendor, credential), await write(mode, vendor, credential)]) {
        expect(reply.status, reply.text).toBe(refusedWith[vendor]);
        expect(envelopeIssues(vendor, reply.body)).toBe('');
        expect(errorMessage(reply.body)).toMatch(/demo credentials|no credentials/);
      }
    });
  });
});
