/**
 * `mode: 'dynamic'` with a seed: Prism generates each answer from the schemas, and the same request
 * gets the same generated answer, so screenshots and tests built on it repeat.
 *
 * Not asserted: that generated data is schema-valid. Prism's generator (json-schema-faker) reads
 * `exclusiveMinimum` the draft-04 way, so Fabro's `resources.cpu` (`exclusiveMinimum: 0`) can come
 * out as 0 or below; the README says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, listOperations, resolve, vendors, type ResponseObject, type Vendor } from '@envspec/specs';
import { startMocks, type MockFleet } from '../src/index.ts';
import { credentials } from './support/vendor-requests.ts';
import { findFreePort, readPath, send } from '@envspec/testkit';

let fleet: MockFleet;
beforeAll(async () => {
  const ports = Object.fromEntries(await Promise.all(vendors.map(async (vendor) => [vendor, await findFreePort()])));
  fleet = await startMocks({ ports, mode: 'dynamic', seed: 'envspec' });
}, 90_000);
afterAll(async () => fleet?.stop());

/** The first example of the read operation's 200 response. */
function readExample(vendor: Vendor): unknown {
  const document = bundleOf(vendor);
  const operation = listOperations(document).find((entry) => entry.method === 'get')!.operation;
  const media = Object.values(resolve<ResponseObject>(document, operation.responses['200']!).content ?? {})[0]!;
  return resolve<{ value: unknown }>(document, Object.values(media.examples ?? {})[0]!).value;
}

describe.each(vendors)('%s mock, dynamic with a seed', (vendor) => {
  it('generates an answer, and the same one again for the same request', async () => {
    const { url } = fleet.mocks.find((mock) => mock.vendor === vendor)!;
    const first = await send(url, { path: readPath(vendor), headers: credentials[vendor] });
    const second = await send(url, { path: readPath(vendor), headers: credentials[vendor] });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).not.toEqual(readExample(vendor));
    expect(second.body).toEqual(first.body);
  });
});
